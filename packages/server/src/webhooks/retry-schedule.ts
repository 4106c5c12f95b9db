/** When failed deliveries are tried again (§11.3.1). */
export interface RetrySchedule {
  /** Wait before the first retry; each later one doubles it. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
  /** Retries after the first attempt; then the delivery is failed. */
  maxRetries: number;
}

/** WorkOS' production schedule: 12 retries from 1 minute, doubling, capped at a day (≈ 2.4 days). */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 60_000, capMs: 24 * 60 * 60 * 1000, maxRetries: 12 };

/**
 * The wait before retry `n` (1-based): `min(base × 2^(n−1), cap)` times a random factor in
 * [0.8, 1.2], so endpoints that failed together are not all retried at the same instant.
 */
export function retryDelayMs(n: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const exact = Math.min(schedule.baseMs * 2 ** (n - 1), schedule.capMs);
  return Math.round(exact * (0.8 + 0.4 * random()));
}
