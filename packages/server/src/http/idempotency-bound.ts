import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { type AppError, idempotencyKeysExhausted } from '../core/errors.ts';
import type { IdempotencyLedger } from '../domain/idempotency-record.ts';

/** Live Idempotency-Key rows one API key may hold (OPENPIPES_IDEMPOTENCY_MAX_KEYS). */
export const DEFAULT_IDEMPOTENCY_MAX_KEYS = 10_000;

/** How long a count read from the database is trusted: below the bound, and at it. */
const FRESH_MS = 10_000;
const FRESH_AT_BOUND_MS = 1_000;

interface Tally {
  count: number;
  countedAt: number;
  /** Seconds until the oldest row expires, worked out once per count when a key is refused. */
  retryAt?: number;
}

/**
 * At most `max` live Idempotency-Key rows per API key, so one key of an environment cannot use up
 * the places of the others. §10.15 replays an answer for 24 h and never evicts one early, so at the
 * bound a new key is refused (429, until the oldest row expires) while stored keys are still
 * replayed (the replay lookup stays per environment, route and key; only the count is per API key).
 * The count is kept per process: read from the database at most every 10 s (every second at the
 * bound, so expired rows free places), and moved by this process's own claims in between. With
 * several processes the bound can be passed by what the others claimed since the last read
 * (docs/security.md, "Rate limits").
 */
export class IdempotencyBound {
  /** By API key id: one entry per key that claimed a row in this process (keys are few). */
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly deps: {
      ledger: Pick<IdempotencyLedger, 'countSince' | 'oldestSince'>;
      clock: Clock;
      max: number;
      retentionMs: number;
    },
  ) {}

  /** Takes a place for a new key: null when taken, else the refusal to answer with. */
  async reserve(apiKeyId: string): Promise<AppError | null> {
    const { ledger, clock, max, retentionMs } = this.deps;
    const now = clock.now();
    let tally = this.tallies.get(apiKeyId);
    const age = tally ? now - tally.countedAt : Number.POSITIVE_INFINITY;
    if (!tally || age > FRESH_MS || (tally.count >= max && age > FRESH_AT_BOUND_MS)) {
      tally = { count: await ledger.countSince(apiKeyId, iso(now - retentionMs), max), countedAt: now };
      this.tallies.set(apiKeyId, tally);
    }
    if (tally.count < max) {
      tally.count++;
      return null;
    }
    if (tally.retryAt === undefined) {
      const oldest = await ledger.oldestSince(apiKeyId, iso(now - retentionMs));
      tally.retryAt = oldest === null ? now : Date.parse(oldest) + retentionMs;
    }
    return idempotencyKeysExhausted(Math.max(1, Math.ceil((tally.retryAt - now) / 1000)), max);
  }

  /** Gives back a place `reserve` took that no new row holds (the key was stored already, or its request failed). */
  release(apiKeyId: string): void {
    const tally = this.tallies.get(apiKeyId);
    if (tally && tally.count > 0) tally.count--;
  }
}
