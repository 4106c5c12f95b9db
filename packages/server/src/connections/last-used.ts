import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/store.ts';

/** How often the uses are written: `last_used_at` may lag a vend by this much. */
export const LAST_USED_FLUSH_MS = 10_000;

/** Ids kept for a retry after a failed write, at most: a database that stays down costs bounded memory. */
const MAX_PENDING = 100_000;
const MAX_FAILURES = 3;

/**
 * `last_used_at` without a write per vend: `touch` is a Map set (the vend path gains no query),
 * `flush` writes every connection touched since the last one in one statement per batch of ids
 * (AccountsRepo.recordUse), every LAST_USED_FLUSH_MS while started and once more on stop.
 * All ids of a flush get its latest touch: the time is exact to within the flush interval.
 */
export class LastUsedRecorder {
  /** Connection id → when it was last used (epoch ms). */
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;

  constructor(
    private readonly deps: {
      store: { accounts: Pick<Store['accounts'], 'recordUse'> };
      clock: Clock;
      onError: (e: unknown) => void;
    },
  ) {}

  touch(accountId: string): void {
    this.pending.set(accountId, this.deps.clock.now());
  }

  /**
   * Writes the uses recorded since the last flush. A failed write keeps them for the next flush
   * (newer touches win); after MAX_FAILURES in a row, or beyond MAX_PENDING ids, they are dropped:
   * a last-used time is a hint, not worth unbounded memory.
   */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.write());
    return this.flushing;
  }

  start(intervalMs = LAST_USED_FLUSH_MS): void {
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

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    let latest = 0;
    for (const at of batch.values()) latest = Math.max(latest, at);
    try {
      await this.deps.store.accounts.recordUse([...batch.keys()], new Date(latest).toISOString());
      this.failures = 0;
    } catch (e) {
      if (++this.failures < MAX_FAILURES) this.keep(batch);
      else this.failures = 0;
      throw e;
    }
  }

  /** Puts a failed batch back under what was touched meanwhile (a newer touch wins), within MAX_PENDING. */
  private keep(batch: Map<string, number>): void {
    for (const [id, at] of batch) {
      if (this.pending.size >= MAX_PENDING) return;
      if (!this.pending.has(id)) this.pending.set(id, at);
    }
  }
}
