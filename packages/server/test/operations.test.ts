import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectThroughBrowser } from './support/connect-flow.ts';
import { DIALECTS } from './support/dialects.ts';
import { expireAccount } from './support/expire-account.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';

/** The value of one series in a Prometheus text exposition, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(/,(?=[a-z_]+=")/);
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics is off by default', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(() => h.close());

  it('answers 404 saying how to turn it on, and adds no request hook', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'entity_not_found' });
    expect(res.json().message).toContain('OPENPIPES_METRICS=true');
    await h.request('GET', '/catalog/providers');
    // Nothing was counted: the registry holds no HTTP series.
    expect(await h.deps.metrics.metrics()).not.toContain('openpipes_http_request_duration_seconds');
  });
});

describe.each(DIALECTS)('/metrics and /ready on %s', (dialect) => {
  let h: Harness;
  let oidc: OidcServer;

  const scrape = async () => {
    const res = await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return res.body;
  };

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness(dialect, { allowInsecureProviderUrls: true, metrics: { token: METRICS_TOKEN } });
    const res = await h.request('POST', '/data-integrations', {
      provider: 'acme',
      enabled: true,
      scopes: ['openid', 'offline_access'],
      credentials: { type: 'custom', client_id: 'acme-client', client_secret: 'acme-client-secret' },
      custom_provider: { name: 'Acme', authorization_url: oidc.authorizationUrl, token_url: oidc.tokenUrl, issuer: oidc.issuer },
    });
    expect(res.status, res.text).toBe(201);
    oidc.registerClient({ clientId: 'acme-client', clientSecret: 'acme-client-secret', redirectUris: [res.body.redirect_uri] });
  });
  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  it('refuses a scrape without the token, or with another one (401), and serves it with the token', async () => {
    const none = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'unauthorized' });
    expect(none.json().message).toContain('OPENPIPES_METRICS_TOKEN');
    const wrong = await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain(METRICS_TOKEN);
    expect(await scrape()).toContain('# TYPE openpipes_http_request_duration_seconds histogram');
  });

  it('counts a flow, vends by outcome, the refresh and the provider calls, labelled by route pattern', async () => {
    const before = await scrape();
    const authorized = await h.request('POST', '/data-integrations/acme/authorize', { user_id: 'user_1' });
    expect(authorized.status).toBe(200);
    await connectThroughBrowser(h, oidc, authorized.body.url, { account: 'alice' });

    expect((await h.request('POST', '/data-integrations/acme/token', { user_id: 'user_1' })).body.active).toBe(true);
    expect((await h.request('POST', '/data-integrations/acme/token', { user_id: 'nobody' })).body.error).toBe('not_installed');
    const row = await h.db.selectFrom('connected_accounts').select('id').where('user_id', '=', 'user_1').executeTakeFirstOrThrow();
    await expireAccount(h.db, row.id);
    expect((await h.request('POST', '/data-integrations/acme/credentials', { user_id: 'user_1' })).body.active).toBe(true);
    expect((await h.request('POST', '/data-integrations/nope/token', { user_id: 'user_1' })).status).toBe(404);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('openpipes_vends_total', { route: 'token', outcome: 'ok' })).toBe(1);
    expect(delta('openpipes_vends_total', { route: 'token', outcome: 'not_installed' })).toBe(1);
    expect(delta('openpipes_vends_total', { route: 'credentials', outcome: 'refreshed' })).toBe(1);
    expect(delta('openpipes_vends_total', { route: 'token', outcome: 'refused' })).toBe(1);
    // A custom provider is labelled `custom`: tenants cannot add label values.
    expect(delta('openpipes_refreshes_total', { provider: 'custom', outcome: 'refreshed' })).toBe(1);
    expect(delta('openpipes_provider_call_seconds_count', { provider: 'custom', kind: 'exchange', result: 'answered' })).toBe(1);
    expect(delta('openpipes_provider_call_seconds_count', { provider: 'custom', kind: 'refresh', result: 'answered' })).toBe(1);
    const vends = { method: 'POST', route: '/data-integrations/:slug/token', status: '200' };
    expect(delta('openpipes_http_request_duration_seconds_count', vends)).toBe(2);
    const callback = { method: 'GET', route: '/data-integrations/:slug/:key/callback', status: '200' };
    expect(delta('openpipes_http_request_duration_seconds_count', callback)).toBe(1);
    // Route patterns only: no link token, no state, no slug value in any label.
    const link = new URL(authorized.body.url).pathname.split('/')[2]!;
    expect(after).not.toContain(link);
    expect(after).not.toMatch(/route="\/data-integrations\/acme/);
    expect(after).toContain('openpipes_webhook_deliveries');
    if (dialect === 'postgres') expect(sample(after, 'openpipes_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    else expect(after).not.toMatch(/^openpipes_db_pool_connections\{/m);
  });

  it('/ready is 200 when the database answers and every migration is applied; /health stays liveness', async () => {
    const ready = await h.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    expect((await h.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
  });

  it('/ready is 503 naming a migration the database lacks', async () => {
    const last = await h.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .orderBy('name' as never, 'desc')
      .executeTakeFirstOrThrow();
    const name = (last as { name: string }).name;
    await h.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', name as never)
      .execute();
    try {
      const res = await h.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', database: 'ok', pending_migrations: [name] });
    } finally {
      await h.db
        .insertInto('kysely_migration' as never)
        .values({ name, timestamp: new Date().toISOString() } as never)
        .execute();
    }
    expect((await h.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('/ready with the database gone on %s', (dialect) => {
  it('answers 503 database unreachable while /health still answers 200', async () => {
    const h = await startHarness(dialect);
    // Close the store's own database handle under the running app (the pool, or the SQLite file).
    const store = h.store as unknown as { db: { destroy(): Promise<void> } };
    await store.db.destroy();
    try {
      const res = await h.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', database: 'unreachable' });
      expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await h.close().catch(() => undefined);
    }
  });
});

describe('metrics configuration', () => {
  it('is off unless OPENPIPES_METRICS=true; the token needs metrics on and is never echoed', async () => {
    const { loadConfig } = await import('../src/app/config.ts');
    expect(loadConfig({}).metrics).toBeNull();
    expect(loadConfig({ OPENPIPES_METRICS: 'true' }).metrics).toEqual({ token: null });
    expect(loadConfig({ OPENPIPES_METRICS: 'true', OPENPIPES_METRICS_TOKEN: METRICS_TOKEN }).metrics).toEqual({ token: METRICS_TOKEN });
    expect(() => loadConfig({ OPENPIPES_METRICS: 'yes' })).toThrow(/^OPENPIPES_METRICS: must be "true" or "false"$/);
    expect(() => loadConfig({ OPENPIPES_METRICS_TOKEN: METRICS_TOKEN })).toThrow(/^OPENPIPES_METRICS_TOKEN: .*OPENPIPES_METRICS/);
    expect(() => loadConfig({ OPENPIPES_METRICS: 'true', OPENPIPES_METRICS_TOKEN: 'short' })).toThrow(
      /^OPENPIPES_METRICS_TOKEN: must be 16/,
    );
  });
});
