import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { SESSION_LIMITS } from '../domain/operator.ts';
import type { Store } from './store.ts';

const HOUR = 60 * 60 * 1000;
export const RETENTION = {
  /** Finished or abandoned authorization flows (they live 10 minutes). */
  flowsMs: HOUR,
  /** §10.15: Idempotency-Key answers are replayed for 24 hours. */
  idempotencyMs: 24 * HOUR,
  /** §11.1.3: events are kept 30 days, like WorkOS' Events API. */
  eventsMs: 30 * 24 * HOUR,
} as const;

/** Deletes what has outlived its retention. Safe to run from every process at once. */
export async function purgeExpired(store: Store, clock: Clock): Promise<void> {
  const now = clock.now();
  await store.flows.purgeBefore(iso(now - RETENTION.flowsMs));
  await store.idempotency.purgeBefore(iso(now - RETENTION.idempotencyMs));
  await store.events.purgeBefore(iso(now - RETENTION.eventsMs));
  await store.operators.purgeSessions(iso(now), iso(now - SESSION_LIMITS.idleMs));
}

/** Runs `purgeExpired` now and every `intervalMs`; the timer never keeps the process alive. */
export function scheduleMaintenance(store: Store, clock: Clock, onError: (e: unknown) => void, intervalMs = 10 * 60 * 1000): () => void {
  const run = () => void purgeExpired(store, clock).catch(onError);
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
