/**
 * Issue 10 item 7 (docs/reliability.md, "Crashes"): an `openpipes serve` process on PostgreSQL is
 * killed with SIGKILL at each step of the authorization callback and between a refresh answer and
 * its commit (core/fault-points.ts, armed by OPENPIPES_TEST_FAULT_POINT under NODE_ENV=test).
 * After every crash a healthy process on the same database must find no half-written or duplicate
 * connection, no lock left behind, and vend `active` or `not_installed` / `needs_reauthorization`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config.ts';
import { FAULT_POINTS, type FaultPoint } from '../src/core/fault-points.ts';
import { openAndContinueHttp, browseHttp, connectThroughBrowserHttp } from './support/connect-flow-http.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { DIALECTS } from './support/dialects.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { obtainTokens } from './support/oidc-tokens.ts';
import type { OpenPipesProcess } from './support/openpipes-process.ts';
import { oidcIntegrationBody, startCluster, type Cluster } from './support/process-cluster.ts';
import { report, resilienceCount } from './support/resilience-scale.ts';

const SLUG = 'acme';
const SCOPE = 'openid offline_access read';
const RUNS = resilienceCount(100, 5);
const CALLBACK_POINTS = FAULT_POINTS.filter((p) => p.startsWith('callback.'));
/** A vend behind a lock left by the dead process would wait for the lock timeout; this is far below it. */
const NOT_STUCK_MS = 5_000;

describe('the fault-point switch is inert outside NODE_ENV=test', () => {
  const env = { OPENPIPES_TEST_FAULT_POINT: 'callback.after_exchange', OPENPIPES_ENCRYPTION_KEYS: 'k1:x' };
  it('is read under NODE_ENV=test only', () => {
    expect(loadConfig({ ...env, NODE_ENV: 'test' }).testFaultPoint).toBe('callback.after_exchange');
    expect(loadConfig({ ...env, NODE_ENV: 'production' }).testFaultPoint).toBeNull();
    expect(loadConfig({ ...env }).testFaultPoint).toBeNull();
    expect(loadConfig({ ...env, NODE_ENV: 'development' }).testFaultPoint).toBeNull();
  });
  it('an unknown point is a start-up error naming the variable', () => {
    expect(() => loadConfig({ ...env, NODE_ENV: 'test', OPENPIPES_TEST_FAULT_POINT: 'callback.nowhere' })).toThrow(
      /^OPENPIPES_TEST_FAULT_POINT: "callback.nowhere" is not one of callback.after_state_consumed/,
    );
  });
});

const hasPostgres = DIALECTS.includes('postgres');
if (!hasPostgres) report('PostgreSQL is not available (OPENPIPES_TEST_PG=off): the crash suite is SKIPPED.');

describe.skipIf(!hasPostgres)('resilience: kill -9 at each step of the callback and of a refresh (PostgreSQL)', () => {
  let oidc: OidcServer;
  let cluster: Cluster;
  /** The healthy process that checks the aftermath of every crash. */
  let checker: OpenPipesProcess;
  let redirectUri: string;
  const clientId = 'resilience-crash';
  const outcomes: Record<string, Record<string, number>> = {};

  const vend = (p: OpenPipesProcess, userId: string) => p.request('POST', `/data-integrations/${SLUG}/token`, { user_id: userId });
  const faulty = (point: FaultPoint) => cluster.spawn({ NODE_ENV: 'test', OPENPIPES_TEST_FAULT_POINT: point });

  /** The process died of SIGKILL (its own, at the point), and the request it was serving got no answer. */
  async function expectKilled(p: OpenPipesProcess, request: Promise<unknown>): Promise<void> {
    const answered = await request.then(
      () => true,
      () => false,
    );
    expect(answered, 'the request was answered: the fault point was not reached').toBe(false);
    expect(await p.exited).toEqual({ code: null, signal: 'SIGKILL' });
  }

  /** No half-written or duplicate connection for `userId`, and the checker vends promptly. */
  async function aftermath(point: string, userId: string, allowed: string[]): Promise<void> {
    const { rows } = await cluster.sql.query<{ state: string; has_token: boolean; events: number }>(
      `SELECT a.state, a.access_token IS NOT NULL AS has_token,
              (SELECT count(*)::int FROM events e WHERE e.data::text LIKE '%' || a.id || '%') AS events
       FROM connected_accounts a WHERE a.user_id = $1`,
      [userId],
    );
    expect(rows.length, `${point}: ${rows.length} connections for one user`).toBeLessThanOrEqual(1);
    for (const r of rows) {
      if (r.state === 'connected') expect(r.has_token, `${point}: connected without a token`).toBe(true);
      expect(r.events, `${point}: a connection without its event`).toBeGreaterThanOrEqual(1);
    }
    const t0 = performance.now();
    const res = await vend(checker, userId);
    const ms = performance.now() - t0;
    expect(ms, `${point}: the vend waited ${ms.toFixed(0)} ms (a lock left behind?)`).toBeLessThan(NOT_STUCK_MS);
    expect(res.status, res.text).toBe(200);
    const outcome = res.body.active ? 'active' : res.body.error;
    expect(allowed, `${point}: outcome ${outcome}`).toContain(outcome);
    outcomes[point] ??= {};
    outcomes[point][outcome] = (outcomes[point][outcome] ?? 0) + 1;
  }

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
    cluster = await startCluster(1);
    checker = cluster.processes[0]!;
    const created = await checker.request('POST', '/data-integrations', oidcIntegrationBody(SLUG, oidc, clientId, SCOPE.split(' ')));
    expect(created.status, created.text).toBe(201);
    redirectUri = created.body.redirect_uri;
    oidc.registerClient({ clientId, clientSecret: `${clientId}-secret`, redirectUris: [redirectUri] });
  }, 60_000);

  /** The figures of one point, printed as soon as its runs are done. */
  const reportPoint = (point: string, t0: number) => {
    const counts = outcomes[point] ?? {};
    const runs = Object.values(counts).reduce((a, b) => a + b, 0);
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    report(`crash at ${point}: ${runs} runs → next vend ${JSON.stringify(counts)}; 0 half-written, 0 duplicates, 0 stuck (${s} s)`);
  };

  afterAll(async () => {
    await cluster?.close();
    await oidc?.close();
  });

  it.each(CALLBACK_POINTS)(
    `%s: ${RUNS} first connections killed there → none half-written, next vend not_installed`,
    async (point) => {
      const t0 = performance.now();
      for (let run = 0; run < RUNS; run++) {
        const user = `cb_${point.split('.')[1]}_${run}`;
        const link = await checker.request('POST', `/data-integrations/${SLUG}/authorize`, { user_id: user });
        expect(link.status, link.text).toBe(200);
        const victim = await faulty(point);
        const jar = new CookieJar();
        const providerUrl = await openAndContinueHttp(victim.url, jar, link.body.url);
        const callback = await oidc.login(providerUrl, new CookieJar(), { account: user });
        await expectKilled(victim, browseHttp(victim.url, jar, 'GET', callback));
        await victim.stop();
        // The first connection never committed: nothing to vend, and nothing half there.
        await aftermath(point, user, ['not_installed']);
      }
      reportPoint(point, t0);
      // And the same user can still connect afterwards (no state left that blocks a new flow).
      const user = `cb_${point.split('.')[1]}_0`;
      const link = await checker.request('POST', `/data-integrations/${SLUG}/authorize`, { user_id: user });
      const { final } = await connectThroughBrowserHttp(checker.url, oidc, link.body.url, { account: user });
      expect(final.status, final.body).toBe(200);
      expect((await vend(checker, user)).body.active).toBe(true);
    },
    RUNS * 30_000 + 60_000,
  );

  it(
    `refresh.before_commit: ${RUNS} refreshes killed between the provider's answer and the commit → no lock left, next vend active or needs_reauthorization`,
    async () => {
      const t0 = performance.now();
      for (let run = 0; run < RUNS; run++) {
        const user = `rf_${run}`;
        const t = await obtainTokens(oidc, { clientId, clientSecret: `${clientId}-secret`, redirectUri, scope: SCOPE }, user);
        const imported = await checker.request('POST', `/user_management/users/${user}/connected_accounts/${SLUG}`, {
          access_token: t.access_token,
          refresh_token: t.refresh_token,
          expires_at: new Date(Date.now() - 60_000).toISOString(),
          scopes: t.scope.split(' '),
        });
        expect(imported.status, imported.text).toBe(201);
        const victim = await faulty('refresh.before_commit');
        oidc.resetCounts();
        await expectKilled(victim, vend(victim, user));
        await victim.stop();
        expect(oidc.counts.refreshGrants, 'the provider answered the refresh before the kill').toBe(1);
        // The provider rotated the refresh token but the new one never committed: the old one is
        // refused (needs_reauthorization), or, if the provider tolerated it, a fresh token is vended.
        await aftermath('refresh.before_commit', user, ['active', 'needs_reauthorization']);
      }
      reportPoint('refresh.before_commit', t0);
    },
    RUNS * 30_000 + 60_000,
  );

  it('the switch is inert under NODE_ENV=production: a flow through a process with the variable set completes', async () => {
    const prod = await cluster.spawn({ NODE_ENV: 'production', OPENPIPES_TEST_FAULT_POINT: 'callback.after_exchange' });
    const user = 'inert_user';
    const link = await checker.request('POST', `/data-integrations/${SLUG}/authorize`, { user_id: user });
    const { final } = await connectThroughBrowserHttp(prod.url, oidc, link.body.url, { account: user });
    expect(final.status, final.body).toBe(200);
    expect(prod.stderr()).not.toContain('OPENPIPES_TEST_FAULT_POINT');
    const res = await vend(prod, user);
    expect(res.body.active).toBe(true);
    await prod.stop();
  }, 60_000);

  it('the checker process wrote no unhandled error', () => {
    expect(checker.stderr()).not.toMatch(/unhandled|Error:/);
  });
});
