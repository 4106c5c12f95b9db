/**
 * OPENPIPES_HEALTH_* (README "Configuration"): off by default; every value checked, a bad one
 * stopping start-up with one line naming the variable; the lead time must exceed the refresh
 * margin once the scheduler is on; the tests-only lease knob works under NODE_ENV=test only.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config.ts';

const load = (env: Record<string, string>) => loadConfig(env, '/tmp');

describe('health scheduler configuration', () => {
  it('is off by default, and on with the documented defaults', () => {
    expect(load({}).healthScheduler).toBeNull();
    expect(load({ OPENPIPES_HEALTH_SCHEDULER: 'false' }).healthScheduler).toBeNull();
    expect(load({ OPENPIPES_HEALTH_SCHEDULER: 'true' }).healthScheduler).toEqual({
      leadMs: 900_000,
      intervalMs: 24 * 3_600_000,
      concurrencyPerProvider: 4,
    });
    expect(
      load({
        OPENPIPES_HEALTH_SCHEDULER: 'true',
        OPENPIPES_HEALTH_LEAD_SECONDS: '1800',
        OPENPIPES_HEALTH_CHECK_HOURS: '0.5',
        OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER: '16',
      }).healthScheduler,
    ).toEqual({ leadMs: 1_800_000, intervalMs: 1_800_000, concurrencyPerProvider: 16 });
  });

  it.each([
    ['OPENPIPES_HEALTH_SCHEDULER', { OPENPIPES_HEALTH_SCHEDULER: 'yes' }],
    ['OPENPIPES_HEALTH_LEAD_SECONDS', { OPENPIPES_HEALTH_LEAD_SECONDS: 'soon' }],
    ['OPENPIPES_HEALTH_LEAD_SECONDS', { OPENPIPES_HEALTH_LEAD_SECONDS: '0' }],
    ['OPENPIPES_HEALTH_CHECK_HOURS', { OPENPIPES_HEALTH_CHECK_HOURS: '-1' }],
    ['OPENPIPES_HEALTH_CHECK_HOURS', { OPENPIPES_HEALTH_CHECK_HOURS: '9000' }],
    ['OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER', { OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER: '0' }],
    ['OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER', { OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER: 'many' }],
    // Checked even while the scheduler is off: turning it on later cannot reveal a typo.
  ] as const)('%s: %j stops start-up with one line naming it', (variable, env) => {
    expect(() => load(env)).toThrow(new RegExp(`^${variable}: `));
  });

  it('with the scheduler on, the lead time must exceed the refresh margin', () => {
    const env = { OPENPIPES_REFRESH_MARGIN_SECONDS: '900', OPENPIPES_HEALTH_LEAD_SECONDS: '900' };
    expect(load(env).healthScheduler).toBeNull(); // off: nothing to conflict with
    expect(() => load({ ...env, OPENPIPES_HEALTH_SCHEDULER: 'true' })).toThrow(
      /^OPENPIPES_HEALTH_LEAD_SECONDS: must exceed OPENPIPES_REFRESH_MARGIN_SECONDS \(900\)/,
    );
    expect(() => load({ OPENPIPES_HEALTH_SCHEDULER: 'true', OPENPIPES_REFRESH_MARGIN_SECONDS: '1200' })).toThrow(
      /^OPENPIPES_HEALTH_LEAD_SECONDS: /,
    );
  });

  it('OPENPIPES_TEST_HEALTH_LEASE_SECONDS shortens the lease and tick under NODE_ENV=test only', () => {
    const env = { OPENPIPES_HEALTH_SCHEDULER: 'true', OPENPIPES_TEST_HEALTH_LEASE_SECONDS: '2' };
    expect(load(env).healthScheduler).not.toHaveProperty('leaseMs');
    expect(
      load({ ...env, NODE_ENV: 'production', OPENPIPES_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` }).healthScheduler,
    ).not.toHaveProperty('leaseMs');
    expect(load({ ...env, NODE_ENV: 'test' }).healthScheduler).toMatchObject({ leaseMs: 2000, tickMs: 500 });
  });
});
