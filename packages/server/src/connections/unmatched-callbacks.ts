import type { Clock } from '../core/clock.ts';

const WINDOW_MS = 60_000;

/**
 * Callbacks whose `state` matches no flow in progress cost nothing to send (a callback address is
 * public), so they are not recorded one by one: per integration, the first in each minute becomes a
 * `connection_failed` event, which says how many came since the previous event; the others are
 * only counted. In memory, per process; one entry per integration (an unknown callback address is
 * refused before it is counted).
 */
export class UnmatchedCallbacks {
  private readonly windows = new Map<string, { until: number; unrecorded: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts one: how many went unrecorded before it when this one is to be recorded, else null. */
  note(integrationId: string): number | null {
    const now = this.clock.now();
    const window = this.windows.get(integrationId);
    if (window && window.until > now) {
      window.unrecorded++;
      return null;
    }
    this.windows.set(integrationId, { until: now + WINDOW_MS, unrecorded: 0 });
    return window?.unrecorded ?? 0;
  }
}

/** The recorded event's reason, with the count of those left out since the previous one. */
export const unmatchedReason = (unrecorded: number): string =>
  `Unknown, replayed or misdirected state.${unrecorded > 0 ? ` ${unrecorded} more such callbacks came since the previous event and were only counted (one event a minute at most).` : ''}`;
