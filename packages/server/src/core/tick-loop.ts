/**
 * A background job's loop (the webhook delivery worker, the health scheduler): one tick at a time
 * — a tick never overlaps the one before, whether the timer or a test started it — the next one
 * `delayMs()` after the last ended, a failed tick reported to `onError` and the loop going on.
 * `stop` ends the timer and waits for the tick in flight; `stopping` lets a tick's work end early.
 */
export class TickLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private halted = false;

  constructor(
    private readonly o: {
      /** One round of work; resolves to how much it did (what `tickOnce` answers). */
      tick: () => Promise<number>;
      /** The wait before the next tick. */
      delayMs: () => number;
      onError: (e: unknown) => void;
    },
  ) {}

  /** True once `stop` was called (until the next `start`). */
  get stopping(): boolean {
    return this.halted;
  }

  start(): void {
    if (this.timer) return;
    this.halted = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One tick now, unless one is running (then 0). */
  tickOnce(): Promise<number> {
    if (this.running) return Promise.resolve(0);
    const run = this.o
      .tick()
      .catch((e: unknown) => {
        this.o.onError(e);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.tickOnce().finally(() => {
        if (!this.halted) this.schedule();
      });
    }, this.o.delayMs());
    this.timer.unref();
  }
}
