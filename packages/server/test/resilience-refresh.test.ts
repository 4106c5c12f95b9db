/**
 * Issue 10 item 6 (docs/reliability.md, "Concurrent refresh across three processes"): three
 * `openpipes serve` processes on one PostgreSQL database, vending expired tokens at once, against
 * a real authorization server that counts refresh grants (oidc-provider, refresh-token rotation on)
 * and against scripted token endpoints that answer late or never.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_TIMEOUT_MS, OUTBOUND_TIMEOUT_MS } from '../src/app/services.ts';
import { DIALECTS } from './support/dialects.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { obtainTokens, type ProviderTokens } from './support/oidc-tokens.ts';
import type { OpenPipesProcess } from './support/openpipes-process.ts';
import { expireAll, oidcIntegrationBody, startCluster, type Cluster } from './support/process-cluster.ts';
import { report, resilienceCount } from './support/resilience-scale.ts';
import { startScriptedTokenServer, type ScriptedAnswer, type ScriptedTokenServer } from './support/scripted-token-server.ts';

const SLUG = 'acme';
const SCOPE = 'openid offline_access read';
const ROUNDS = resilienceCount(50, 10);
const PER_ROUND = 200;
const ACCOUNTS = 100;
const PER_ACCOUNT = 10;
const PAST = () => new Date(Date.now() - 60_000).toISOString();
/**
 * OPENPIPES_REFRESH_IN_DOUBT_SECONDS for the cluster, short so the silent-provider case can wait the
 * window out; long enough for every vend queued behind the abandoned refresh to be answered in it.
 */
const IN_DOUBT_SECONDS = 5;

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

const hasPostgres = DIALECTS.includes('postgres');
if (!hasPostgres) report('PostgreSQL is not available (OPENPIPES_TEST_PG=off): the three-process refresh suite is SKIPPED.');

describe.skipIf(!hasPostgres)('resilience: exactly one refresh per expiry across three processes (PostgreSQL)', () => {
  let oidc: OidcServer;
  let cluster: Cluster;
  let procs: OpenPipesProcess[];
  const clientId = 'resilience-refresh';

  /** Caller `i` goes to process i mod 3. */
  const vend = (slug: string, userId: string, i: number): Promise<Answer> =>
    procs[i % procs.length]!.request('POST', `/data-integrations/${slug}/token`, { user_id: userId });

  const importAccount = async (slug: string, userId: string, tokens: { access_token: string; refresh_token: string; scopes: string[] }) => {
    const res = await procs[0]!.request('POST', `/user_management/users/${userId}/connected_accounts/${slug}`, {
      access_token: tokens.access_token,
      refresh_token: tokens.refresh_token,
      expires_at: PAST(),
      scopes: tokens.scopes,
    });
    expect(res.status, res.text).toBe(201);
  };

  /** An integration whose token endpoint is a scripted server. */
  const scriptedIntegration = async (slug: string, server: ScriptedTokenServer, userId: string) => {
    const created = await procs[1]!.request('POST', '/data-integrations', {
      provider: slug,
      enabled: true,
      scopes: ['read'],
      credentials: { type: 'custom', client_id: `${slug}-client`, client_secret: `${slug}-secret` },
      custom_provider: { name: slug, authorization_url: `${server.url}/authorize`, token_url: server.tokenUrl },
    });
    expect(created.status, created.text).toBe(201);
    await importAccount(slug, userId, { access_token: `${slug}-at-0`, refresh_token: `${slug}-rt-0`, scopes: ['read'] });
  };

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
    cluster = await startCluster(3, { env: { OPENPIPES_REFRESH_IN_DOUBT_SECONDS: String(IN_DOUBT_SECONDS) } });
    procs = cluster.processes;
    const created = await procs[0]!.request('POST', '/data-integrations', oidcIntegrationBody(SLUG, oidc, clientId, SCOPE.split(' ')));
    expect(created.status, created.text).toBe(201);
    const redirectUri: string = created.body.redirect_uri;
    oidc.registerClient({ clientId, clientSecret: `${clientId}-secret`, redirectUris: [redirectUri] });
    const users = ['round_user', ...Array.from({ length: ACCOUNTS }, (_, i) => `many_${i}`)];
    for (const user of users) {
      const t: ProviderTokens = await obtainTokens(oidc, { clientId, clientSecret: `${clientId}-secret`, redirectUri, scope: SCOPE }, user);
      await importAccount(SLUG, user, { ...t, scopes: t.scope.split(' ') });
    }
  }, 300_000);

  afterAll(async () => {
    await cluster?.close();
    await oidc?.close();
  });

  it('the outbound deadline is shorter than the refresh lock, so a live holder always finishes first', () => {
    expect(OUTBOUND_TIMEOUT_MS).toBeLessThan(LOCK_TIMEOUT_MS);
  });

  it(`${ROUNDS} rounds of ${PER_ROUND} concurrent vends of one expired token → exactly one refresh grant and one token per round`, async () => {
    let requests = 0;
    let errors = 0;
    let grants = 0;
    let previous: string | null = null;
    const t0 = performance.now();
    for (let round = 1; round <= ROUNDS; round++) {
      expect(await expireAll(cluster.sql, { userIds: ['round_user'] })).toBe(1);
      oidc.resetCounts();
      const answers = await Promise.all(Array.from({ length: PER_ROUND }, (_, i) => vend(SLUG, 'round_user', i + round)));
      requests += answers.length;
      const bad = answers.filter((a) => a.status !== 200 || a.body?.active !== true);
      errors += bad.length;
      expect(
        bad.slice(0, 3).map((a) => [a.status, a.body]),
        `round ${round}: ${bad.length} answers were not 200 active`,
      ).toEqual([]);
      const tokens = new Set(answers.map((a) => a.body.access_token.access_token));
      expect(tokens.size, `round ${round}: ${tokens.size} different tokens`).toBe(1);
      const token = [...tokens][0] as string;
      expect(token).not.toBe(previous);
      previous = token;
      grants += oidc.counts.refreshGrants;
      expect(oidc.counts.refreshGrants, `round ${round}`).toBe(1);
      expect(oidc.counts.grantError).toBe(0);
    }
    const s = (performance.now() - t0) / 1000;
    report(
      `one account: ${ROUNDS} rounds x ${PER_ROUND} vends over 3 processes = ${requests} requests, ${grants} refresh grants, ${errors} errors, one token per round (${s.toFixed(1)} s)`,
    );
    expect(grants).toBe(ROUNDS);
    expect(oidc.errors).toEqual([]);
  }, 600_000);

  it(`${ACCOUNTS} expired accounts x ${PER_ACCOUNT} concurrent vends → exactly ${ACCOUNTS} refresh grants`, async () => {
    oidc.resetCounts();
    const calls = Array.from({ length: ACCOUNTS * PER_ACCOUNT }, (_, i) => ({ user: `many_${i % ACCOUNTS}`, i }));
    const t0 = performance.now();
    const answers = await Promise.all(calls.map(({ user, i }) => vend(SLUG, user, i).then((a) => ({ user, ...a }))));
    const ms = performance.now() - t0;
    const bad = answers.filter((a) => a.status !== 200 || a.body?.active !== true);
    expect(
      bad.slice(0, 3).map((a) => [a.status, a.body]),
      `${bad.length} answers were not 200 active`,
    ).toEqual([]);
    const perUser = new Map<string, Set<string>>();
    for (const a of answers) perUser.set(a.user, (perUser.get(a.user) ?? new Set()).add(a.body.access_token.access_token));
    expect(perUser.size).toBe(ACCOUNTS);
    for (const [user, set] of perUser) expect(set.size, `${user} got ${set.size} tokens`).toBe(1);
    report(
      `many accounts: ${ACCOUNTS} accounts x ${PER_ACCOUNT} vends = ${answers.length} requests, ${oidc.counts.refreshGrants} refresh grants, ${bad.length} errors (${ms.toFixed(0)} ms)`,
    );
    expect(oidc.counts.refreshGrants).toBe(ACCOUNTS);
    expect(oidc.counts.grantError).toBe(0);
  }, 300_000);

  describe('a token endpoint that answers just inside the outbound deadline', () => {
    let slow: ScriptedTokenServer;
    const LATE_MS = OUTBOUND_TIMEOUT_MS - 1_000;
    const answer = (_req: unknown, n: number): ScriptedAnswer => ({
      status: 200,
      delayMs: LATE_MS,
      body: { access_token: `slowco-at-${n}`, refresh_token: `slowco-rt-${n}`, token_type: 'bearer', expires_in: 3600 },
    });

    beforeAll(async () => {
      slow = await startScriptedTokenServer(answer);
      await scriptedIntegration('slowco', slow, 'slow_user');
    });
    afterAll(() => slow?.close());

    it.each([1, 2])(
      `expiry %i: 30 concurrent vends over 3 processes wait ${LATE_MS} ms for one refresh`,
      async (n) => {
        if (n > 1) await expireAll(cluster.sql, { userIds: ['slow_user'] });
        const before = slow.count('/token');
        const t0 = performance.now();
        const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => vend('slowco', 'slow_user', i)));
        const ms = performance.now() - t0;
        expect(answers.map((a) => [a.status, a.body?.access_token?.access_token])).toEqual(answers.map(() => [200, `slowco-at-${n}`]));
        expect(slow.count('/token') - before).toBe(1);
        expect(slow.requests.at(-1)!.form.get('refresh_token')).toBe(`slowco-rt-${n - 1}`);
        expect(ms).toBeGreaterThanOrEqual(LATE_MS - 50);
        report(
          `late provider (${LATE_MS} ms, deadline ${OUTBOUND_TIMEOUT_MS} ms): expiry ${n}, 30 vends, 1 refresh, 0 errors (${ms.toFixed(0)} ms)`,
        );
      },
      60_000,
    );
  });

  describe('a token endpoint that never answers', () => {
    let hang: ScriptedTokenServer;

    beforeAll(async () => {
      hang = await startScriptedTokenServer(() => ({ status: 200, body: null, delayMs: Number.POSITIVE_INFINITY }));
      await scriptedIntegration('hangco', hang, 'hang_user');
    });
    afterAll(() => hang?.close());

    it('→ 503 provider_unavailable with Retry-After and ONE token request: no second refresh while the first may still land', async () => {
      const t0 = performance.now();
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => vend('hangco', 'hang_user', i)));
      const ms = performance.now() - t0;
      for (const a of answers) {
        expect(a.status).toBe(503);
        expect(a.body.code).toBe('provider_unavailable');
        const retryAfter = Number(a.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(IN_DOUBT_SECONDS);
      }
      // The lock holder gave up at the deadline and left the refresh in doubt; the processes queued
      // behind it saw that under the lock and answered without asking the provider.
      expect(hang.count('/token')).toBe(1);
      expect(hang.requests[0]!.form.get('refresh_token')).toBe('hangco-rt-0');
      const read = async () =>
        (await cluster.sql.query('SELECT state, refresh_in_doubt_until FROM connected_accounts WHERE user_id = $1', ['hang_user']))
          .rows[0] as { state: string; refresh_in_doubt_until: string | null };
      const row = await read();
      expect(row.state).toBe('connected');
      const until = Date.parse(row.refresh_in_doubt_until!);
      expect(until).toBeGreaterThan(Date.now());
      report(
        `silent provider: 30 vends → 30 x 503 provider_unavailable (Retry-After ≤ ${IN_DOUBT_SECONDS} s) after ${ms.toFixed(0)} ms; 1 token request; account still connected`,
      );

      // Inside the window a vend is answered at once from the row: no lock wait, no provider call.
      const t1 = performance.now();
      const early = await vend('hangco', 'hang_user', 1);
      expect(early.status).toBe(503);
      expect(Number(early.headers.get('retry-after'))).toBeLessThanOrEqual(IN_DOUBT_SECONDS);
      expect(performance.now() - t1).toBeLessThan(OUTBOUND_TIMEOUT_MS / 2);
      expect(hang.count('/token')).toBe(1);

      // The provider recovers; once the window is over the next vend refreshes once, with the
      // refresh token still stored, and the mark is gone.
      hang.respond((_req, n) => ({
        status: 200,
        body: { access_token: `hangco-at-${n}`, refresh_token: `hangco-rt-${n}`, token_type: 'bearer', expires_in: 3600 },
      }));
      await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now()) + 200));
      const next = await vend('hangco', 'hang_user', 2);
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      expect(next.body.active).toBe(true);
      expect(hang.count('/token')).toBe(2);
      expect(hang.requests[1]!.form.get('refresh_token')).toBe('hangco-rt-0');
      expect(await read()).toEqual({ state: 'connected', refresh_in_doubt_until: null });
    }, 90_000);
  });

  it('no process wrote an unhandled error', () => {
    for (const p of procs) expect(p.stderr()).not.toMatch(/unhandled|Error:/);
  });
});
