/**
 * Issue 10, item 10: API keys under hostile input, and revocation across processes.
 *
 * 1. 10,000 random or malformed keys (random strings, `sk_` + random, keys of the generated format
 *    with a wrong checksum, revoked keys, near misses of the real key, unicode, very long, empty) in
 *    every Authorization form (`Bearer`, `bearer`, `Bearer` alone, `Basic …`, no scheme) → each 401
 *    with a JSON `unauthorized` body (429 accepted: a failed-authentication limit may apply), no 5xx.
 * 2. A revoked key is refused by every process within the documented time (README: 5 seconds, the
 *    lookup cache's lifetime, CACHE_TTL_MS in environments/api-key-service.ts): two apps with
 *    separate stores on one database; revoke on one, poll the other until it refuses.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDialect } from './support/dialects.ts';
import { StatusTally } from './support/fuzz-answer.ts';
import { startHarness, type Harness } from './support/harness.ts';

const SEED = Number(process.env.OPENPIPES_FUZZ_SEED ?? 20_261_129);
const KEYS_PER_DIALECT: Record<TestDialect, number> = { sqlite: 10_000, postgres: 10_000 };
/** README "Configuration"/API keys: a revoked key stops working in every process within 5 seconds. */
const DOCUMENTED_REVOCATION_MS = 5_000;
const SLACK_MS = 750;
/** Bad keys come from one address, the real key from another: a per-address failed-auth limit must not bite the check. */
const ATTACKER = '10.66.0.1';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const base62 = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...BASE62), minLength: min, maxLength: max });

/** Near misses of a real key: one character changed, cut short, extended, case-flipped. */
const nearMiss = (key: string) =>
  fc.oneof(
    fc
      .tuple(fc.nat({ max: key.length - 1 }), fc.constantFrom(...BASE62))
      .map(([i, c]) => key.slice(0, i) + (key[i] === c ? '_' : c) + key.slice(i + 1)),
    fc.nat({ max: key.length - 1 }).map((n) => key.slice(0, n)),
    base62(1, 8).map((s) => key + s),
    fc.constant(key.toUpperCase()),
    fc.constant(key.replace('sk_test_', 'sk_live_')),
  );

/** Keys that must all be refused. */
const badKeys = (realKey: string, revoked: readonly string[]) =>
  fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    base62(0, 300).map((s) => `sk_${s}`),
    // The generated format exactly (prefix, 43 + 6 base62): the checksum is almost surely wrong.
    fc.tuple(fc.constantFrom('sk_test_', 'sk_live_'), base62(49, 49)).map(([p, s]) => p + s),
    fc.constantFrom(...revoked),
    nearMiss(realKey),
    fc.constantFrom(
      '',
      ' ',
      'sk_',
      'sk_test_',
      'null',
      'undefined',
      '\u0000',
      'ｓｋ_test_x',
      `sk_test_${'é'.repeat(49)}`,
      `sk_${'x'.repeat(10_000)}`,
    ),
  );

/** How the key is presented; `Bearer <key>` most often so the lookup itself is exercised. */
const authorization = (key: string) =>
  fc.constantFrom(
    `Bearer ${key}`,
    `Bearer ${key}`,
    `Bearer ${key}`,
    `bearer ${key}`,
    `BEARER\t${key}`,
    'Bearer',
    'Bearer ',
    `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
    key,
    `Bearer ${key} ${key}`,
    `Token ${key}`,
  );

const ROUTES = [
  { method: 'GET', url: '/data-integrations' },
  { method: 'POST', url: '/data-integrations/acme/token', payload: '{"user_id":"user_1"}' },
  { method: 'DELETE', url: '/data-integrations/acme' },
  { method: 'GET', url: '/user_management/users/user_1/data_providers' },
  { method: 'POST', url: '/widgets/token', payload: '{"user_id":"user_1"}' },
] as const;

describe.each(DIALECTS)('API keys (%s)', (dialect) => {
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    a = await startHarness(dialect);
    // A second process: its own services, caches and connection pool, on the same database.
    b = await startHarness(dialect, { target: a.target, keyring: a.keyring });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const env = () => a.deps.environments.ensureDefault([]);

  it(`${KEYS_PER_DIALECT[dialect].toLocaleString('en')} random and malformed keys: each 401 unauthorized (or 429), never 5xx`, async () => {
    const revoked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { key, row } = await a.deps.apiKeys.create(await env(), `revoked-${i}`);
      await a.deps.apiKeys.revoke(row.id);
      revoked.push(key);
    }
    const tally = new StatusTally();
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(
        badKeys(a.apiKey, revoked).chain((key) => fc.tuple(fc.constant(key), authorization(key), fc.constantFrom(...ROUTES))),
        async ([key, header, route]) => {
          const res = await a.app.inject({
            method: route.method,
            url: route.url,
            remoteAddress: ATTACKER,
            headers: { authorization: header, ...('payload' in route ? { 'content-type': 'application/json' } : {}) },
            ...('payload' in route ? { payload: route.payload } : {}),
          });
          tally.add(res.statusCode);
          const what = `${route.method} ${route.url} with Authorization ${JSON.stringify(header.slice(0, 100))} (key ${JSON.stringify(key.slice(0, 60))})`;
          expect([401, 429], `${what} → ${res.body.slice(0, 300)}`).toContain(res.statusCode);
          expect(res.headers['content-type'], what).toMatch(/^application\/json/);
          const { code } = res.json();
          expect(typeof code, what).toBe('string');
          if (res.statusCode === 401) expect(code, what).toBe('unauthorized');
          // A refused key is never echoed back.
          if (key.length >= 8) expect(res.body, what).not.toContain(key);
        },
      ),
      { numRuns: KEYS_PER_DIALECT[dialect], seed: SEED },
    );
    console.log(`[api-keys] ${dialect}: ${tally.total} malformed keys in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${tally}`);
    expect(tally.total).toBe(KEYS_PER_DIALECT[dialect]);
    expect(tally.byClass['5xx'] ?? 0).toBe(0);
    // And the real key still works (from its own address).
    const ok = await a.request('GET', '/data-integrations');
    expect(ok.status, ok.text).toBe(200);
  }, 180_000);

  it(`a key revoked in one process is refused by the other within ${DOCUMENTED_REVOCATION_MS} ms (+${SLACK_MS} ms slack), and was accepted there just before`, async () => {
    const { key, row } = await a.deps.apiKeys.create(await env(), 'revoke-me');
    const call = (h: Harness) =>
      h.app.inject({ method: 'GET', url: '/data-integrations', headers: { authorization: `Bearer ${key}` } }).then((r) => r.statusCode);
    // Both processes accept it, and B now holds it in its lookup cache (the worst case for revocation).
    expect(await call(a)).toBe(200);
    expect(await call(b)).toBe(200);
    expect(await call(b)).toBe(200);

    const revokedAt = performance.now();
    await a.deps.apiKeys.revoke(row.id);
    // The revoking process refuses it at once (it clears its own cache).
    expect([401, 429]).toContain(await call(a));

    let acceptedAfter = 0;
    let refusedAfterMs: number | undefined;
    while (performance.now() - revokedAt < DOCUMENTED_REVOCATION_MS + SLACK_MS) {
      const status = await call(b);
      // Only a 401 proves the revocation arrived; a 429 (a request limit) proves nothing, so polling goes on.
      if (status === 401) {
        refusedAfterMs = performance.now() - revokedAt;
        break;
      }
      expect([200, 429]).toContain(status);
      if (status === 200) acceptedAfter++;
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(
      `[api-keys] ${dialect}: revoked key refused by the other process after ${refusedAfterMs?.toFixed(0) ?? 'NEVER'} ms (accepted ${acceptedAfter} times meanwhile, from its cache)`,
    );
    expect(refusedAfterMs, 'the other process still accepted the revoked key').toBeDefined();
    expect(refusedAfterMs!).toBeLessThanOrEqual(DOCUMENTED_REVOCATION_MS + SLACK_MS);
    // It stays refused (a 429 would be a failed-authentication limit, once one applies).
    expect([401, 429]).toContain(await call(b));
  }, 30_000);
});
