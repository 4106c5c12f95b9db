/**
 * Issue 12 item 8: bounded work. 10,000 connections created at the same moment (two providers,
 * 5,000 each) all fall due for their first health check together; with a fake clock moved a
 * minute per tick through a one-hour interval and a fake provider (a fetch stub that counts calls
 * in flight per provider), the scheduler spreads the renewals evenly over the hour and never has
 * more than the per-provider limit in flight at one provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_PREFIX, newId } from '../src/core/ids.ts';
import { userOwner } from '../src/domain/owner.ts';
import type { FetchLike } from '../src/oauth/http-client.ts';
import { DIALECTS } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PER_PROVIDER = 5_000;
const LIMIT = 4;
const PROVIDERS = ['alpha', 'beta'] as const;

describe.each(DIALECTS)('health scheduler spread and per-provider limit on %s', (dialect) => {
  let h: Harness;
  const clock = { t: Date.parse('2030-01-01T00:00:00Z'), now: () => clock.t };
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  /** Token requests per provider, by the fake minute they were sent in. */
  const calls: Array<{ host: string; minute: number }> = [];
  const t0 = clock.t;

  const provider: FetchLike = async (url) => {
    const host = new URL(url).hostname;
    const n = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, n);
    maxInFlight.set(host, Math.max(n, maxInFlight.get(host) ?? 0));
    calls.push({ host, minute: Math.floor((clock.now() - t0) / MINUTE) });
    // A provider that takes a moment: without the limit, a tick's whole batch would be open at once.
    await new Promise((r) => setTimeout(r, 2));
    inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    const body = JSON.stringify({
      access_token: `at-${calls.length}`,
      refresh_token: `rt-${calls.length}`,
      token_type: 'bearer',
      expires_in: 30 * 24 * 3600,
    });
    return {
      status: 200,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
      text: async () => body,
    };
  };

  beforeAll(async () => {
    h = await startHarness(dialect, {
      clock,
      allowInsecureProviderUrls: true,
      fetch: provider,
      // All 10,000 planned in the first tick (by default 2,000 a tick), so all fall into this hour.
      health: { leadMs: 15 * MINUTE, intervalMs: HOUR, concurrencyPerProvider: LIMIT, planBatch: 10_000 },
    });
    for (const slug of PROVIDERS) {
      const res = await h.request('POST', '/data-integrations', {
        provider: slug,
        enabled: true,
        scopes: ['read'],
        credentials: { type: 'custom', client_id: `${slug}-client`, client_secret: `${slug}-secret` },
        custom_provider: { name: slug, authorization_url: `http://${slug}.test/authorize`, token_url: `http://${slug}.test/token` },
      });
      expect(res.status, res.text).toBe(201);
      const integrationId = res.body.id as string;
      const created = new Date(clock.now()).toISOString();
      const expires = new Date(clock.now() + 30 * 24 * HOUR).toISOString();
      for (let start = 0; start < PER_PROVIDER; start += 500) {
        await h.store.transaction(async (tx) => {
          for (let i = start; i < start + 500; i++) {
            const identity = {
              id: newId(ID_PREFIX.installation),
              environment_id: h.environmentId,
              integration_id: integrationId,
              owner: userOwner(`${slug}_user_${i}`),
              connection_role: 'standard' as const,
              auth_method: 'oauth' as const,
              created_at: created,
            };
            await tx.accounts.insert(identity, {
              state: 'connected',
              scopes: ['read'],
              access_token: `at-${slug}-${i}`,
              refresh_token: `rt-${slug}-${i}`,
              expires_at: expires,
              updated_at: created,
            });
          }
        });
      }
    }
  }, 300_000);

  afterAll(async () => h?.close());

  it('10,000 connections due at once: renewed evenly over the hour, never more than the limit in flight per provider', async () => {
    const scheduler = h.deps.healthScheduler!;
    const perTick: number[] = [];
    // Minute 0 to minute 60 inclusive: the first looks fall in [0, 60) minutes.
    for (let minute = 0; minute <= 60; minute++) {
      clock.t = t0 + minute * MINUTE;
      const before = calls.length;
      await scheduler.tickOnce();
      perTick.push(calls.length - before);
    }
    const rows = await h.db.selectFrom('connected_accounts').select(['last_health_check_result', 'state']).execute();
    expect(rows).toHaveLength(2 * PER_PROVIDER);
    // Every connection was looked at within the hour, and all are fine.
    expect(rows.filter((r) => r.last_health_check_result === 'ok' && r.state === 'connected')).toHaveLength(2 * PER_PROVIDER);
    // A few looked at in the first minutes come round again just before the hour ends (interval −10 %).
    expect(calls.length).toBeGreaterThanOrEqual(2 * PER_PROVIDER);
    expect(calls.length).toBeLessThan(2 * PER_PROVIDER * 1.15);

    // Never more than the limit in flight at one provider, and the limit was reached (the test could fail).
    for (const slug of PROVIDERS) expect(maxInFlight.get(`${slug}.test`)).toBe(LIMIT);

    // Spread: each minute carries about 1/60 of the work, nowhere near all of it at once.
    const mean = (2 * PER_PROVIDER) / 60;
    // Minutes 0–53 carry first looks only; from minute 54 the first repeats join (the interval is ±10 %).
    expect(Math.max(...perTick.slice(0, 54))).toBeLessThan(mean * 1.5);
    expect(Math.max(...perTick)).toBeLessThan(mean * 2);
    expect(Math.max(...perTick)).toBeLessThanOrEqual(500); // the per-tick batch
    const firstHalf = perTick.slice(0, 30).reduce((a, b) => a + b, 0);
    expect(firstHalf / calls.length).toBeGreaterThan(0.4);
    expect(firstHalf / calls.length).toBeLessThan(0.6);
    // Per provider, too.
    for (const slug of PROVIDERS) {
      const byMinute = new Array<number>(61).fill(0);
      for (const c of calls) if (c.host === `${slug}.test`) byMinute[c.minute]!++;
      expect(Math.max(...byMinute.slice(0, 54))).toBeLessThan((PER_PROVIDER / 60) * 1.6);
    }
    console.log(
      `${dialect}: token requests per fake minute: max ${Math.max(...perTick.slice(0, 54))} (minutes 0–53), ${Math.max(...perTick)} (all), mean ${mean.toFixed(0)}, min ${Math.min(...perTick.slice(1))}`,
    );
  }, 600_000);
});
