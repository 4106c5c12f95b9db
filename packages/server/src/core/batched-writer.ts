/**
 * Values kept in memory per key and written in batches (usage counts, last-used times): `update`
 * is a Map write (the caller's hot path gains no query), `flush` hands everything recorded since
 * the last flush to `write`, every interval while started and once more on stop. Flushes never
 * overlap. A failed write puts its batch back beside what was recorded since (`merge`), for the
 * next flush; after `maxFailures` in a row it is dropped, and beyond `maxPending` keys a failed
 * batch's remaining keys are too: what is written here is worth bounded memory, not more.
 */
export class BatchedWriter<V> {
  private pending = new Map<string, V>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;

  constructor(
    private readonly o: {
      write: (batch: ReadonlyMap<string, V>) => Promise<void>;
      /** A failed batch's value put back beside the value recorded since (undefined: none since). */
      merge: (failed: V, since: V | undefined) => V;
      onError: (e: unknown) => void;
      maxFailures: number;
      maxPending?: number;
    },
  ) {}

  /** Records a new value for `key` from its current one (undefined: none yet). */
  update(key: string, next: (current: V | undefined) => V): void {
    this.pending.set(key, next(this.pending.get(key)));
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.write());
    return this.flushing;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.flush().catch(this.o.onError);
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
    try {
      await this.o.write(batch);
      this.failures = 0;
    } catch (e) {
      if (++this.failures < this.o.maxFailures) this.keep(batch);
      else this.failures = 0;
      throw e;
    }
  }

  private keep(batch: Map<string, V>): void {
    const max = this.o.maxPending ?? Number.POSITIVE_INFINITY;
    for (const [key, failed] of batch) {
      const since = this.pending.get(key);
      if (since === undefined && this.pending.size >= max) continue;
      this.pending.set(key, this.o.merge(failed, since));
    }
  }
}
