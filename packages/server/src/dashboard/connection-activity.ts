import type { ConnectedAccount } from '../domain/connected-account.ts';

/** A time shown relative to now ("5 minutes ago"), with the absolute UTC time for its title. */
export interface ShownTime {
  text: string;
  title: string;
}

/** A connection's last health check: when, what it found, and how loudly to show it. */
export interface ShownHealth extends ShownTime {
  result: string;
  /** `ok`, `warn` (temporary failure: nothing changed yet), `bad` (needs re-authorization); null: never checked. */
  tone: 'ok' | 'warn' | 'bad' | null;
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "3 days ago" (or "in 2 minutes" when a clock runs ahead). */
export function ago(iso: string, now: number): string {
  const ms = Date.parse(iso) - now;
  if (Math.abs(ms) < 60_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size || unit === 'minute') return relative.format(Math.round(ms / size), unit);
  }
  return iso;
}

const shown = (iso: string | null, now: number, never: string): ShownTime =>
  iso === null ? { text: never, title: '' } : { text: ago(iso, now), title: `${iso.slice(0, 19).replace('T', ' ')} UTC` };

const TONES = { ok: 'ok', temporary_failure: 'warn', needs_reauthorization: 'bad' } as const;
const RESULTS = { ok: 'OK', temporary_failure: 'temporary failure', needs_reauthorization: 'needs re-authorization' } as const;

/** What the connection lists show of a connection's activity and health (issue 12). */
export const connectionActivity = (
  a: Pick<ConnectedAccount, 'last_refreshed_at' | 'last_used_at' | 'last_health_check_at' | 'last_health_check_result'>,
  now: number,
) => ({
  refreshed: shown(a.last_refreshed_at, now, 'never'),
  used: shown(a.last_used_at, now, 'never'),
  health: {
    ...shown(a.last_health_check_at, now, 'not checked'),
    result: a.last_health_check_result ? RESULTS[a.last_health_check_result] : '',
    tone: a.last_health_check_result ? TONES[a.last_health_check_result] : null,
  } satisfies ShownHealth,
});
