/** `OpenPipes-Retries` may ask for at most this many retries. */
export const MAX_RETRIES = 5;

/** A provider's `Retry-After` longer than this ends the retries: its answer passes through instead. */
export const MAX_RETRY_AFTER_MS = 10_000;

const BASE_BACKOFF_MS = 200;
const JITTER = 0.2;

// RFC 9110 §9.2.2: methods whose repetition has the effect of one request. POST and PATCH are never retried.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Statuses worth another attempt: rate limited, or a gateway or the provider temporarily down. */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export const isIdempotent = (method: string): boolean => IDEMPOTENT.has(method.toUpperCase());
export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUS.has(status);

/**
 * How long to wait before retry number `attempt` (0 for the first): the provider's `Retry-After`
 * (seconds or an HTTP date) when it sent one, else 200 ms × 2^attempt ± 20 %. Null when its
 * `Retry-After` is longer than 10 s: the caller gets the answer and decides.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | undefined,
  now: number,
  random: () => number = Math.random,
): number | null {
  if (retryAfter !== undefined) {
    const asked = retryAfterMs(retryAfter, now);
    if (asked !== null) return asked > MAX_RETRY_AFTER_MS ? null : asked;
  }
  const base = BASE_BACKOFF_MS * 2 ** attempt;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

function retryAfterMs(value: string, now: number): number | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
