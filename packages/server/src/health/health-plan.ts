import { createHash } from 'node:crypto';

/** The scheduler's settings (OPENPIPES_HEALTH_*), in milliseconds. */
export interface HealthSettings {
  /** Tokens expiring within this are renewed ahead of use (capped at half a token's lifetime). */
  leadMs: number;
  /** Connections are renewed at least this often, so a revoked grant is found within it. */
  intervalMs: number;
  /** First wait after a temporary failure; each further one doubles it, up to `intervalMs`. */
  backoffBaseMs: number;
}

/** What planning needs of a connection: its token's expiry and when it was last written. */
interface TokenTimes {
  expires_at: string | null;
  updated_at: string;
}

/**
 * A fraction in [0, 1) fixed by the connection's id (and `salt`). Used instead of Math.random so a
 * connection keeps its place in the window across processes and restarts, while a million
 * connections created together still spread evenly over it.
 */
export function spread(id: string, salt: string): number {
  return createHash('sha256').update(salt).update('\u0000').update(id).digest().readUInt32BE(0) / 2 ** 32;
}

/** ±10 % around the interval, by id: connections renewed together drift apart rather than stay bunched. */
const intervalFrom = (id: string, s: HealthSettings): number => s.intervalMs * (0.9 + 0.2 * spread(id, 'interval'));

/**
 * How long before expiry a token counts as expiring: the lead time, but never more than half its
 * lifetime (counted from its last write, as the refresh coordinator's margin is), so a provider's
 * short-lived tokens are not renewed in a loop.
 */
export function effectiveLeadMs(row: TokenTimes, s: HealthSettings): number {
  if (row.expires_at === null) return 0;
  const lifetime = Date.parse(row.expires_at) - Date.parse(row.updated_at);
  return Math.min(s.leadMs, Math.max(0, lifetime / 2));
}

/**
 * When to renew for expiry: somewhere in the later half of the lead window, by id, so tokens that
 * all expire at the same moment are not all renewed at the same moment. Null: it does not expire.
 */
function expiryDrivenAt(id: string, row: TokenTimes, s: HealthSettings): number | null {
  if (row.expires_at === null) return null;
  return Date.parse(row.expires_at) - effectiveLeadMs(row, s) * (0.5 + 0.5 * spread(id, 'lead'));
}

const earliest = (a: number, b: number | null): number => (b === null ? a : Math.min(a, b));

/**
 * The first look at a connection never scheduled: anywhere in the coming interval, by id (a million
 * connections imported at once come due evenly over it, not at once), or earlier if its token
 * expires first.
 */
export function firstCheckAt(id: string, row: TokenTimes, now: number, s: HealthSettings): number {
  return Math.max(now, earliest(now + s.intervalMs * spread(id, 'first'), expiryDrivenAt(id, row, s)));
}

/**
 * The look after `renewedAt`, the last renewal (by anyone): an interval later, or earlier if the
 * token needs renewing for expiry first. Never sooner than `minNext`.
 */
export function nextCheckAt(id: string, row: TokenTimes, renewedAt: number, minNext: number, s: HealthSettings): number {
  return Math.max(minNext, earliest(renewedAt + intervalFrom(id, s), expiryDrivenAt(id, row, s)));
}

/**
 * The retry after the `failures`-th temporary failure in a row: 1 × base, 2 × base, 4 × base …,
 * capped at the interval, ±10 % by id. A still-valid token is retried no later than it expires.
 */
export function retryAt(id: string, failures: number, expiresAt: string | null, now: number, s: HealthSettings): number {
  const wait = Math.min(s.intervalMs, s.backoffBaseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  const at = now + wait * (0.9 + 0.2 * spread(id, 'backoff'));
  const expires = expiresAt === null ? Number.NaN : Date.parse(expiresAt);
  return expires > now ? Math.min(at, expires) : at;
}

/**
 * Whether the connection, as re-read under the refresh lock, is due: its token expires within the
 * (effective) lead time, or it was not renewed within the interval (by anyone: a vend's renewal
 * exercised the grant just as well). Judged under the lock so that a renewal finished meanwhile by
 * another caller is seen and not repeated.
 */
export function isDue(row: TokenTimes & { last_refreshed_at: string | null }, now: number, s: HealthSettings): boolean {
  if (row.expires_at !== null && Date.parse(row.expires_at) - now <= effectiveLeadMs(row, s)) return true;
  // 0.85: a little under the ±10 % interval, so a look scheduled by `nextCheckAt` always finds it due.
  return row.last_refreshed_at === null || now - Date.parse(row.last_refreshed_at) >= s.intervalMs * 0.85;
}
