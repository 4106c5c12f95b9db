import type { Clock } from '../core/clock.ts';

interface Window {
  failures: number;
  until: number;
}

/**
 * Counts failures per key in a fixed window and refuses a key that reached `max` until its window
 * ends; a success clears the key. In memory, per process, bounded in size (oldest keys go first).
 */
export class FailureThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: { max: number; windowMs: number; clock: Clock; maxKeys?: number }) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const w = this.windows.get(key);
    const now = this.options.clock.now();
    if (!w || w.until <= now) return 0;
    return w.failures >= this.options.max ? w.until - now : 0;
  }

  fail(key: string): void {
    const now = this.options.clock.now();
    const w = this.windows.get(key);
    if (w && w.until > now) {
      w.failures++;
      return;
    }
    this.windows.delete(key);
    if (this.windows.size >= (this.options.maxKeys ?? 10_000)) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
    this.windows.set(key, { failures: 1, until: now + this.options.windowMs });
  }

  clear(key: string): void {
    this.windows.delete(key);
  }
}
