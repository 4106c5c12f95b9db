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
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;

  constructor(
    private readonly deps: {
      store: Pick<Store, 'usage'>;
      clock: Clock;
      onError: (e: unknown) => void;
    },
  ) {}

  count(environmentId: string, metric: UsageMetric, outcome: string): void {
    const key = [environmentId, hourOf(this.deps.clock.now()), metric, outcome].join(SEPARATOR);
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  /**
   * Writes what was counted since the last flush. A failed write keeps the counts for the next
   * flush; after MAX_FAILURES in a row (say, a deleted environment's row refused) they are dropped.
   */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.write());
    return this.flushing;
  }

  start(intervalMs = USAGE_FLUSH_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.flush().catch(this.deps.onError);
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
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

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const counts = [...batch].map(([key, count]): UsageCount => {
      const [environment_id = '', hour = '', metric = '', outcome = ''] = key.split(SEPARATOR);
      return { environment_id, hour, metric, outcome, count };
    });
    try {
      await this.deps.store.usage.add(counts);
      this.failures = 0;
    } catch (e) {
      if (++this.failures < MAX_FAILURES) for (const [key, n] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + n);
      else this.failures = 0;
      throw e;
    }
  }
}
