import { BatchedWriter } from '../core/batched-writer.ts';
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
 * All ids of a flush get its latest touch: the time is exact to within the flush interval. A failed
 * write is retried with the next flush (a newer touch wins) up to MAX_FAILURES times, within
 * MAX_PENDING ids: a last-used time is a hint, not worth unbounded memory.
 */
export class LastUsedRecorder {
  /** Connection id → when it was last used (epoch ms). */
  private readonly writer: BatchedWriter<number>;

  constructor(
    private readonly deps: {
      store: { accounts: Pick<Store['accounts'], 'recordUse'> };
      clock: Clock;
      onError: (e: unknown) => void;
    },
  ) {
    this.writer = new BatchedWriter<number>({
      write: (batch) => {
        let latest = 0;
        for (const at of batch.values()) latest = Math.max(latest, at);
        return deps.store.accounts.recordUse([...batch.keys()], new Date(latest).toISOString());
      },
      merge: (failed, since) => since ?? failed,
      onError: deps.onError,
      maxFailures: MAX_FAILURES,
      maxPending: MAX_PENDING,
    });
  }

  touch(accountId: string): void {
    const now = this.deps.clock.now();
    this.writer.update(accountId, () => now);
  }

  /** Writes the uses recorded since the last flush. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  start(intervalMs = LAST_USED_FLUSH_MS): void {
    this.writer.start(intervalMs);
  }

  /** Stops the timer and writes what is left. */
  stop(): Promise<void> {
    return this.writer.stop();
  }
}
