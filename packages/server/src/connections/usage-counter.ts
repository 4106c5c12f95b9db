import { BatchedWriter } from '../core/batched-writer.ts';
import type { Clock } from '../core/clock.ts';
import type { UsageCount, UsageMetric } from '../domain/usage.ts';
import type { Store } from '../store/store.ts';

/** How often the counts are written (and what the dashboard's charts may lag by). */
export const USAGE_FLUSH_MS = 10_000;

const HOUR_MS = 60 * 60 * 1000;
const SEPARATOR = '\u0000';
const MAX_FAILURES = 3;

/** The hour a time falls in, as stored: `YYYY-MM-DDTHH` (UTC). */
export const hourOf = (ms: number): string => new Date(ms).toISOString().slice(0, 13);

/**
 * Usage by the hour, counted in memory and written in batches: `count` is a Map increment (the
 * vend path gains no query), `flush` adds what was counted to the stored rows in one upsert
 * per batch, every USAGE_FLUSH_MS while started and once more on stop.
 */
export class UsageCounter {
  private readonly writer: BatchedWriter<number>;

  constructor(
    private readonly deps: {
      store: Pick<Store, 'usage'>;
      clock: Clock;
      onError: (e: unknown) => void;
    },
  ) {
    this.writer = new BatchedWriter<number>({
      write: (batch) => deps.store.usage.add([...batch].map(toCount)),
      merge: (failed, since) => failed + (since ?? 0),
      onError: deps.onError,
      maxFailures: MAX_FAILURES,
    });
  }

  count(environmentId: string, metric: UsageMetric, outcome: string): void {
    const key = [environmentId, hourOf(this.deps.clock.now()), metric, outcome].join(SEPARATOR);
    this.writer.update(key, (n) => (n ?? 0) + 1);
  }

  /**
   * Writes what was counted since the last flush. A failed write keeps the counts for the next
   * flush; after MAX_FAILURES in a row (say, a deleted environment's row refused) they are dropped.
   */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  start(intervalMs = USAGE_FLUSH_MS): void {
    this.writer.start(intervalMs);
  }

  /** Stops the timer and writes what is left. */
  stop(): Promise<void> {
    return this.writer.stop();
  }

  /** The last `n` hours, this one included, oldest first (`YYYY-MM-DDTHH`). */
  lastHours(n: number): string[] {
    const now = this.deps.clock.now();
    return Array.from({ length: n }, (_, i) => hourOf(now - (n - 1 - i) * HOUR_MS));
  }

  /** The stored counts from `fromHour` on, of one environment or all (what is not flushed yet is not in them). */
  since(environmentId: string | null, fromHour: string): Promise<UsageCount[]> {
    return this.deps.store.usage.since(environmentId, fromHour);
  }
}

/** A pending count back as the stored row it adds to. */
const toCount = ([key, count]: [string, number]): UsageCount => {
  const [environment_id = '', hour = '', metric = '', outcome = ''] = key.split(SEPARATOR);
  return { environment_id, hour, metric, outcome, count };
};
