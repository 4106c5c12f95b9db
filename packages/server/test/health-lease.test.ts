/**
 * The health scheduler's lease (scheduler_leases) with two schedulers on one store, as two
 * processes would share it: one holds it at a time, renews it while alive, and a holder that stops
 * renewing (a crash) loses it to the other once it lapses; a clean stop hands it over at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TELEMETRY } from '../src/core/telemetry.ts';
import { HEALTH_LEASE, HealthScheduler } from '../src/health/health-scheduler.ts';
import { SchedulerLease } from '../src/health/scheduler-lease.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './support/dialects.ts';
import { openTestStore } from './support/harness.ts';

const LEASE_MS = 60_000;

describe.each(DIALECTS)('health scheduler lease on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = { t: Date.parse('2030-01-01T00:00:00Z'), now: () => clock.t };
  const renewals = { n: 0 };
  const scheduler = () =>
    new HealthScheduler({
      store,
      clock,
      refresh: {
        renew: async () => {
          renewals.n++;
          return { kind: 'needs_reauthorization' };
        },
      },
      settings: { leadMs: 900_000, intervalMs: 86_400_000, backoffBaseMs: 60_000 },
      concurrencyPerProvider: 2,
      telemetry: NO_TELEMETRY,
      onError: (e) => {
        throw e;
      },
      leaseMs: LEASE_MS,
    });

  beforeAll(async () => {
    ({ store, close } = await openTestStore(dialect));
  });
  afterAll(async () => close?.());

  it('one holder at a time; renewed while it ticks; taken over only after a crashed holder lapses', async () => {
    const a = scheduler();
    const b = scheduler();
    await a.tickOnce();
    await b.tickOnce();
    expect(a.schedulerLease.held()).toBe(true);
    expect(b.schedulerLease.held()).toBe(false);
    expect((await store.schedulerLeases.holder(HEALTH_LEASE))?.holder).toBe(a.schedulerLease.holder);

    // A keeps ticking: it renews every third of the lease, so B never gets it.
    for (let i = 0; i < 10; i++) {
      clock.t += LEASE_MS / 2;
      await a.tickOnce();
      await b.tickOnce();
      expect([a.schedulerLease.held(), b.schedulerLease.held()]).toEqual([true, false]);
    }

    // A crashes (stops ticking, keeps its row): B waits out the lease, then takes over.
    clock.t += LEASE_MS - 1;
    await b.tickOnce();
    expect(b.schedulerLease.held()).toBe(false);
    clock.t += 2;
    expect(a.schedulerLease.held()).toBe(false); // A's own copy lapsed too: it would not act
    await b.tickOnce();
    expect(b.schedulerLease.held()).toBe(true);
    expect((await store.schedulerLeases.holder(HEALTH_LEASE))?.holder).toBe(b.schedulerLease.holder);
    // A comes back: B holds it now.
    await a.tickOnce();
    expect(a.schedulerLease.held()).toBe(false);

    // A clean stop gives it up at once.
    await b.stop();
    expect(await store.schedulerLeases.holder(HEALTH_LEASE)).toBeNull();
    await a.tickOnce();
    expect(a.schedulerLease.held()).toBe(true);
    await a.stop();
  });

  it('the conditional upsert tells exactly one of many simultaneous takers yes', async () => {
    const leases = Array.from({ length: 20 }, () => new SchedulerLease(store, clock, 'race-test', LEASE_MS));
    const taken = await Promise.all(leases.map((l) => l.ensure()));
    expect(taken.filter(Boolean)).toHaveLength(1);
    const winner = leases[taken.indexOf(true)]!;
    expect((await store.schedulerLeases.holder('race-test'))?.holder).toBe(winner.holder);
    // Lapsed: again exactly one (any of them) takes it.
    clock.t += LEASE_MS + 1;
    const again = await Promise.all(
      leases.map((l) =>
        store.schedulerLeases.take('race-test', l.holder, new Date(clock.t).toISOString(), new Date(clock.t + LEASE_MS).toISOString()),
      ),
    );
    expect(again.filter(Boolean)).toHaveLength(1);
  });
});
