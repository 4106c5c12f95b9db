import { createRequire } from 'node:module';

type Count = { current: number; ttl: number };

interface LocalStoreApi {
  incr(key: string, cb: (error: Error | null, result?: Count) => void, timeWindow: number, max: number): void;
}

// @fastify/rate-limit's in-memory store (fixed windows per key, at most `cache` keys kept, least
// recently used dropped first). The package ships no types for it; its version is pinned.
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache?: number,
) => LocalStoreApi;

/** Keys (API key ids, client addresses) one limit keeps counts for. */
const BUCKETS = 10_000;

/**
 * One limit: `max` requests per key in a fixed window, counted by @fastify/rate-limit's LocalStore,
 * called directly rather than through the plugin's hooks. Its `incr` answers synchronously, so a
 * count costs a map lookup and no promise (the plugin's path awaited twice per request, and read the
 * store's count object after an await, by when a concurrent burst had moved it on: a burst of 15
 * against a limit of 10 was refused whole).
 */
export class WindowCounter {
  private readonly store = new LocalStore(false, false, BUCKETS);

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request for `key`: 0 when it is within the limit, else the seconds until the window ends. */
  hit(key: string): number {
    let count: Count | undefined;
    this.store.incr(
      key,
      (_error, result) => {
        count = result;
      },
      this.windowMs,
      this.max,
    );
    if (!count) throw new Error('@fastify/rate-limit LocalStore did not answer synchronously');
    return count.current > this.max ? Math.max(1, Math.ceil(count.ttl / 1000)) : 0;
  }
}
