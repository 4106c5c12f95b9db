/**
 * Issue 9, finding 2: rate limits per API key and per client address, 429 with Retry-After; callbacks
 * with an unknown state counted rather than recorded one by one; a bound on the Idempotency-Key rows
 * each API key holds. Limits are set through loadConfig, as the server reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config.ts';
import type { CoreDeps } from '../src/app/services.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

const LIMITS = {
  OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '20',
  OPENPIPES_RATE_LIMIT_BROWSER_PER_MINUTE: '10',
  OPENPIPES_IDEMPOTENCY_MAX_KEYS: '5',
  // Requests injected in tests come from 127.0.0.1: it is the proxy, X-Forwarded-For the client.
  OPENPIPES_TRUST_PROXY: '127.0.0.1',
};

const httpOptions = (env: Record<string, string>): NonNullable<CoreDeps['http']> => {
  const config = loadConfig(env);
  return { rateLimits: config.rateLimits, idempotencyMaxKeys: config.idempotencyMaxKeys, trustProxy: config.trustProxy };
};

/** An OAuth integration (GitHub, the environment's own app) and the path of its callback. */
async function githubCallbackPath(h: Harness): Promise<string> {
  const res = await h.request('POST', '/data-integrations', {
    provider: 'github',
    enabled: true,
    credentials: { type: 'custom', client_id: 'rate-client', client_secret: 'rate-client-secret' },
  });
  expect(res.status, res.text).toBe(201);
  return new URL(res.body.redirect_uri).pathname;
}

/** Sends `count` requests, `batch` at a time; returns the answers in order. */
async function burst<T>(count: number, send: (i: number) => Promise<T>, batch = 50): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => send(i + j)))));
  }
  return out;
}

const connectionFailedRows = async (h: Harness): Promise<number> =>
  (await h.db.selectFrom('events').select('id').where('event', '=', 'pipes.connected_account.connection_failed').execute()).length;

describe('rate-limit configuration', () => {
  it('reads the limits, 0 as off, and names the variable of a bad value', () => {
    expect(loadConfig({}).rateLimits).toEqual({ apiPerMinute: 60_000, browserPerMinute: 600 });
    expect(loadConfig({}).idempotencyMaxKeys).toBe(10_000);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '0' }).rateLimits.apiPerMinute).toBe(0);
    expect(loadConfig({ OPENPIPES_TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
    for (const [name, value] of [
      ['OPENPIPES_RATE_LIMIT_API_PER_MINUTE', 'lots'],
      ['OPENPIPES_RATE_LIMIT_BROWSER_PER_MINUTE', '-1'],
      ['OPENPIPES_IDEMPOTENCY_MAX_KEYS', '1.5'],
      ['OPENPIPES_TRUST_PROXY', 'proxy.internal'],
      ['OPENPIPES_TRUST_PROXY', '2'],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(`^${name}: `));
    }
  });
});

describe.each(DIALECTS)('rate limits and bounded idempotency rows on %s', (dialect) => {
  let h: Harness;
  let now = Date.now();
  let callbackPath: string;

  beforeAll(async () => {
    h = await startHarness(dialect, { clock: { now: () => now }, http: httpOptions(LIMITS) });
    callbackPath = await githubCallbackPath(h);
  });
  afterAll(() => h?.close());

  const withKey = (key: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    h.request(method, url, body, { authorization: `Bearer ${key}`, ...headers });
  const newKey = async () => (await h.deps.apiKeys.create((await h.deps.environments.ensureDefault([]))!, 'burst')).key;

  it('a burst of twice the limit on key K: exactly the limit served, the rest 429 with Retry-After; key L meanwhile is served', async () => {
    const [k, l] = [await newKey(), await newKey()];
    const vend = (key: string) => withKey(key, 'POST', '/data-integrations/github/token', { user_id: 'user_1' });
    const answers = await burst(60, (i) => (i % 3 === 2 ? vend(l).then((r) => ({ key: 'L', r })) : vend(k).then((r) => ({ key: 'K', r }))));
    const onK = answers.filter((a) => a.key === 'K').map((a) => a.r);
    const onL = answers.filter((a) => a.key === 'L').map((a) => a.r);
    expect(onK).toHaveLength(40);
    expect(onK.filter((r) => r.status === 200)).toHaveLength(20);
    const refused = onK.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(r.status).toBe(429);
      const retryAfter = Number(r.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(r.body).toEqual({ code: 'rate_limited', message: expect.stringContaining('API key'), retry_after: retryAfter });
    }
    expect(onL).toHaveLength(20);
    expect(onL.map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  it('counts API requests without a valid key per client address (a failed-auth limit); other addresses and valid keys are served', async () => {
    const bad = (ip: string) =>
      h.request('GET', '/data-integrations', undefined, { authorization: 'Bearer sk_wrong', 'x-forwarded-for': ip });
    // Concurrent: all 15 are counted before any is answered, and still exactly 10 pass.
    const first = await burst(15, () => bad('203.0.113.7'));
    expect(first.filter((r) => r.status === 401)).toHaveLength(10);
    for (const r of first.filter((r) => r.status !== 401)) {
      expect(r.status).toBe(429);
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.body.code).toBe('rate_limited');
    }
    expect((await bad('203.0.113.8')).status).toBe(401);
    const good = await withKey(await newKey(), 'GET', '/data-integrations', undefined, { 'x-forwarded-for': '203.0.113.7' });
    expect(good.status).toBe(200);
  });

  it('limits each browser route per client address: the limit served, then 429 with Retry-After (HTML pages, JSON widget API)', async () => {
    const widgetToken = (await h.request('POST', '/widgets/token', { user_id: 'user_browser' })).body.token as string;
    const routes: { name: string; method: string; url: string; headers?: Record<string, string>; json: boolean }[] = [
      { name: 'authorize-redirect', method: 'GET', url: `/data-integrations/${'x'.repeat(43)}/authorize-redirect`, json: false },
      { name: 'callback', method: 'GET', url: `${callbackPath}?code=c&state=s`, json: false },
      { name: 'hosted widget', method: 'GET', url: '/widgets/pipes', json: false },
      { name: 'dashboard sign-in', method: 'GET', url: '/dashboard/sign-in', json: false },
      { name: 'widget API', method: 'GET', url: '/_widgets/settings', headers: { authorization: `Bearer ${widgetToken}` }, json: true },
    ];
    for (const [i, route] of routes.entries()) {
      const ip = `198.51.100.${i + 1}`;
      const send = (from: string) =>
        h.app.inject({ method: route.method as 'GET', url: route.url, headers: { 'x-forwarded-for': from, ...route.headers } });
      const answers = await burst(12, () => send(ip), 1);
      expect(
        answers.slice(0, 10).map((r) => r.statusCode),
        route.name,
      ).not.toContain(429);
      for (const r of answers.slice(10)) {
        expect(r.statusCode, route.name).toBe(429);
        expect(Number(r.headers['retry-after']), route.name).toBeGreaterThanOrEqual(1);
        if (route.json) expect(r.json().code, route.name).toBe('rate_limited');
        else {
          expect(r.headers['content-type'], route.name).toMatch(/^text\/html/);
          expect(r.body, route.name).toContain('Too many requests');
        }
      }
      expect((await send('192.0.2.1')).statusCode, `${route.name} from another address`).not.toBe(429);
    }
  });

  it('1,000 callbacks with an unknown state: mostly 429, and at most one connection_failed event', async () => {
    const before = await connectionFailedRows(h);
    const answers = await burst(1000, (i) =>
      h.app.inject({ method: 'GET', url: `${callbackPath}?code=c${i}&state=bogus${i}`, headers: { 'x-forwarded-for': '192.0.2.66' } }),
    );
    expect(answers.filter((r) => r.statusCode === 400)).toHaveLength(10);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(990);
    expect(answers[999]!.headers['retry-after']).toBeDefined();
    expect((await connectionFailedRows(h)) - before).toBeLessThanOrEqual(1);
  });

  it('bounds the Idempotency-Key rows per API key: a new key gets 429 until the oldest expires, stored keys are replayed', async () => {
    await h.db.deleteFrom('idempotency_keys').execute();
    now += 60_000; // a fresh count: the bound's cached tally is older than it trusts
    const key = await newKey();
    const mint = (idempotencyKey: string, apiKey = key) =>
      withKey(apiKey, 'POST', '/widgets/token', { user_id: `user_${idempotencyKey}` }, { 'idempotency-key': idempotencyKey });
    const countQueries = () => h.queries.filter((q) => /count\(\*\)/i.test(q) && q.includes('idempotency_keys')).length;
    const counted = countQueries();
    const first = await mint('k1');
    expect(first.status).toBe(200);
    for (const k of ['k2', 'k3', 'k4', 'k5']) expect((await mint(k)).status).toBe(200);
    // Counted once for the five claims: the process keeps the tally in between.
    expect(countQueries() - counted).toBe(1);

    const refused = await mint('k6');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(24 * 60 * 60));
    expect(refused.body).toMatchObject({
      code: 'rate_limited',
      retry_after: 24 * 60 * 60,
      errors: [{ field: 'Idempotency-Key', code: 'too_many_keys' }],
    });

    const replay = await mint('k1');
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await h.db.selectFrom('idempotency_keys').select('idempotency_key').execute()).toHaveLength(5);

    now += 24 * 60 * 60 * 1000 + 1000; // the five expire
    expect((await mint('k6')).status).toBe(200);
  });

  it('key L of the same environment stores new answers while key K is at the bound; a stored answer replays for either', async () => {
    await h.db.deleteFrom('idempotency_keys').execute();
    now += 60_000;
    const [k, l] = [await newKey(), await newKey()];
    const mint = (apiKey: string, idempotencyKey: string) =>
      withKey(apiKey, 'POST', '/widgets/token', { user_id: `user_${idempotencyKey}` }, { 'idempotency-key': idempotencyKey });
    const first = await mint(k, 'k1');
    for (const i of ['k2', 'k3', 'k4', 'k5']) expect((await mint(k, i)).status).toBe(200);
    expect((await mint(k, 'k6')).status).toBe(429);

    for (const i of ['l1', 'l2', 'l3', 'l4', 'l5']) expect((await mint(l, i)).status, i).toBe(200);
    expect((await mint(l, 'l6')).status).toBe(429); // L has a bound of its own, too
    expect((await mint(k, 'k7')).status).toBe(429); // and K is still at its own

    // The replay is looked up by environment, route and key (§10.15), whichever API key asks.
    const replay = await mint(l, 'k1');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    // Each row names the API key that claimed it: five each.
    const claimedBy = (await h.db.selectFrom('idempotency_keys').select('api_key_id').execute()).map((r) => r.api_key_id);
    expect(new Set(claimedBy).size).toBe(2);
    expect(claimedBy).not.toContain(null);
    expect(claimedBy.filter((id) => id === claimedBy[0])).toHaveLength(5);
  });
});

describe.each(DIALECTS)('callbacks with an unknown state, no rate limit, on %s', (dialect) => {
  let h: Harness;
  let offset = 0;
  beforeAll(async () => {
    h = await startHarness(dialect, {
      clock: { now: () => Date.now() + offset },
      http: httpOptions({ OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '0', OPENPIPES_RATE_LIMIT_BROWSER_PER_MINUTE: '0' }),
    });
  });
  afterAll(() => h?.close());

  it('answers all 1,000 with the error page and records one connection_failed event, saying how many it counted', async () => {
    const path = await githubCallbackPath(h);
    const answers = await burst(1000, (i) => h.app.inject({ method: 'GET', url: `${path}?code=c${i}&state=bogus${i}` }));
    expect(answers.filter((r) => r.statusCode === 400)).toHaveLength(1000);
    expect(await connectionFailedRows(h)).toBe(1);
    // The next minute's first one is recorded, with the count of those only counted before it.
    offset = 61_000;
    expect((await h.app.inject({ method: 'GET', url: `${path}?code=c&state=late` })).statusCode).toBe(400);
    const events = await h.request('GET', '/events?events=pipes.connected_account.connection_failed&limit=10');
    expect(events.body.data).toHaveLength(2);
    expect(events.body.data.map((e: any) => e.data.error_reason).join(' ')).toContain('999 more');
  });
});
