import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../src/oauth/http-client.ts';
import { browse, openAndContinue } from './support/connect-flow.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { expireAccount } from './support/expire-account.ts';
import { startHarness, type Harness } from './support/harness.ts';

/**
 * Catalog facts through the whole service (issue 11): the integration's own token lifetime, refresh
 * rotation as reported on /metrics, and the provider fixes of the catalog, with provider calls answered by
 * recorded shapes through an injected fetch.
 */
interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

describe('catalog facts end to end', () => {
  let h: Harness;
  const calls: Call[] = [];
  let answer: (call: Call) => { status: number; body: unknown } = () => ({ status: 500, body: {} });

  const fetchStub: FetchLike = async (url, init) => {
    const call = { method: init.method, url, headers: init.headers, body: init.body ?? '' };
    calls.push(call);
    const { status, body } = answer(call);
    return {
      status,
      headers: { get: (n: string) => (n.toLowerCase() === 'content-type' ? 'application/json' : null) },
      text: async () => JSON.stringify(body),
    };
  };

  beforeAll(async () => {
    h = await startHarness('sqlite', { fetch: fetchStub, metrics: { token: null } });
  });
  afterAll(() => h.close());

  const integrate = async (provider: string, extra: Record<string, unknown> = {}) => {
    const res = await h.request('POST', '/data-integrations', {
      provider,
      enabled: true,
      credentials: { type: 'custom', client_id: `${provider}-id`, client_secret: `${provider}-secret` },
      ...extra,
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  /** Runs authorize → confirmation → callback for `userId`, the token endpoint answering `tokens`. */
  const connect = async (
    slug: string,
    userId: string,
    tokens: object,
    callbackExtra: Record<string, string> = {},
    config?: Record<string, string>,
  ) => {
    answer = () => ({ status: 200, body: tokens });
    const jar = new CookieJar();
    const link = await h.request('POST', `/data-integrations/${slug}/authorize`, { user_id: userId, ...(config ? { config } : {}) });
    expect(link.status, link.text).toBe(200);
    const providerUrl = new URL(await openAndContinue(h, jar, link.body.url));
    const callback = new URL(providerUrl.searchParams.get('redirect_uri')!);
    callback.searchParams.set('code', `code-${userId}`);
    callback.searchParams.set('state', providerUrl.searchParams.get('state')!);
    for (const [k, v] of Object.entries(callbackExtra)) callback.searchParams.set(k, v);
    const landed = await browse(h, jar, 'GET', callback.toString());
    return { providerUrl, landed };
  };

  const accountOf = (userId: string) =>
    h.db.selectFrom('connected_accounts').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();

  it('token_lifetime_seconds: shown on the integration, applied to answers without expires_in, refused where meaningless', async () => {
    const created = await integrate('salesforce', { token_lifetime_seconds: 900 });
    expect(created.token_lifetime_seconds).toBe(900);
    const before = Date.now();
    await connect('salesforce', 'sf_life', {
      access_token: '00D-life',
      refresh_token: '5Aep-life',
      instance_url: 'https://acme.my.salesforce.com',
    });
    const expires = Date.parse((await accountOf('sf_life')).expires_at!);
    expect(expires).toBeGreaterThanOrEqual(before + 900_000);
    expect(expires).toBeLessThan(Date.now() + 900_000 + 1000);

    const cleared = await h.request('PUT', '/data-integrations/salesforce', { token_lifetime_seconds: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.token_lifetime_seconds).toBeNull();

    await integrate('github');
    const never = await h.request('PUT', '/data-integrations/github', { token_lifetime_seconds: 600 });
    expect(never.status).toBe(422);
    expect(never.body.errors).toEqual([{ field: 'token_lifetime_seconds', code: 'tokens_never_expire' }]);
    const short = await h.request('PUT', '/data-integrations/github', { token_lifetime_seconds: 5 });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toContain('token_lifetime_seconds');
  });

  it('a refresh of a rotating provider answered without a new refresh token keeps the old one and shows on /metrics', async () => {
    await integrate('gitlab');
    await connect('gitlab', 'gl_rot', { access_token: 'glpat-1', refresh_token: 'glrt-1', expires_in: 7200, token_type: 'Bearer' });
    await expireAccount(h.db, (await accountOf('gl_rot')).id);
    answer = () => ({ status: 200, body: { access_token: 'glpat-2', expires_in: 7200, token_type: 'Bearer' } });
    const vend = await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'gl_rot' });
    expect(vend.body.access_token.access_token).toBe('glpat-2');
    await expireAccount(h.db, (await accountOf('gl_rot')).id);
    calls.length = 0;
    answer = () => ({ status: 200, body: { access_token: 'glpat-3', refresh_token: 'glrt-3', expires_in: 7200 } });
    expect((await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'gl_rot' })).body.access_token.access_token).toBe(
      'glpat-3',
    );
    expect(new URLSearchParams(calls[0]!.body).get('refresh_token')).toBe('glrt-1');
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/openpipes_\w*refresh\w*\{[^}]*provider="gitlab"[^}]*outcome="refreshed_without_rotation"[^}]*\} 1/);
  });

  it("QuickBooks: the realmId of the callback is kept in the connection's config, a malformed one fails the callback", async () => {
    await integrate('quickbooks');
    const tokens = { access_token: 'qb-at', refresh_token: 'qb-rt', expires_in: 3600, token_type: 'bearer' };
    expect((await connect('quickbooks', 'qb_user', tokens, { realmId: '4620816365178303680' })).landed.status).toBe(200);
    const account = await h.request('GET', '/user_management/users/qb_user/connected_accounts/quickbooks');
    expect(account.body.config).toEqual({ realmId: '4620816365178303680' });
    const credential = await h.request('POST', '/data-integrations/quickbooks/credentials', { user_id: 'qb_user' });
    expect(credential.body.credential.config).toEqual({ realmId: '4620816365178303680' });
    calls.length = 0;
    expect((await connect('quickbooks', 'qb_bad', tokens, { realmId: '<img src=x>' })).landed.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('Google: scopes granted under their URL names are not reported missing', async () => {
    await integrate('google');
    await connect('google', 'g_user', {
      access_token: 'ya29.g',
      expires_in: 3599,
      refresh_token: '1//g',
      scope: 'openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile',
      token_type: 'Bearer',
    });
    const token = await h.request('POST', '/data-integrations/google/token', { user_id: 'g_user' });
    expect(token.body.access_token.missing_scopes).toEqual([]);
  });

  it('Salesforce: a sandbox connection authorizes, exchanges and revokes at its own login host', async () => {
    await integrate('salesforce').catch(() => undefined);
    const config = { loginHost: 'acme--uat.sandbox.my.salesforce.com' };
    calls.length = 0;
    const { providerUrl, landed } = await connect(
      'salesforce',
      'sf_sandbox',
      { access_token: '00D!sb', refresh_token: '5Aep-sb' },
      {},
      config,
    );
    expect(landed.status).toBe(200);
    expect(providerUrl.origin).toBe('https://acme--uat.sandbox.my.salesforce.com');
    expect(calls.map((c) => c.url)).toEqual(['https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token']);
    calls.length = 0;
    answer = () => ({ status: 200, body: {} });
    expect((await h.request('DELETE', '/user_management/users/sf_sandbox/connected_accounts/salesforce')).status).toBe(204);
    expect(calls.map((c) => [c.method, c.url])).toEqual([['POST', 'https://acme--uat.sandbox.my.salesforce.com/services/oauth2/revoke']]);
    expect(new URLSearchParams(calls[0]!.body).has('client_secret')).toBe(false);
    const outside = await h.request('POST', '/data-integrations/salesforce/authorize', {
      user_id: 'sf_x',
      config: { loginHost: 'login.evil.example' },
    });
    expect(outside.status).toBe(422);
  });

  it('GitHub: deleting a connection revokes with DELETE /applications/{client_id}/token', async () => {
    await integrate('github').catch(() => undefined);
    await connect('github', 'gh_rev', { access_token: 'gho_rev', scope: 'read:user', token_type: 'bearer' });
    calls.length = 0;
    answer = () => ({ status: 204, body: '' });
    expect((await h.request('DELETE', '/user_management/users/gh_rev/connected_accounts/github')).status).toBe(204);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'DELETE', url: 'https://api.github.com/applications/github-id/token' });
    expect(calls[0]!.headers.Authorization).toBe(`Basic ${Buffer.from('github-id:github-secret').toString('base64')}`);
    expect(JSON.parse(calls[0]!.body)).toEqual({ access_token: 'gho_rev' });
  });

  it('GitLab: a self-managed base URL pinned on the integration; its own iss; redirect_uri on refresh', async () => {
    const refused = await h.request('POST', '/data-integrations', {
      provider: 'gitlab',
      ownership: 'organization',
      credentials: { type: 'custom', client_id: 'x', client_secret: 'y' },
      config: { baseUrl: 'https://metadata.google.internal' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'config.baseUrl', code: 'internal_hostname' }]);

    await integrate('gitlab').catch(() => undefined);
    await h.request('DELETE', '/data-integrations/gitlab');
    await integrate('gitlab', { config: { baseUrl: 'https://gitlab.example.com' } });
    calls.length = 0;
    const tokens = { access_token: 'sm-at', refresh_token: 'sm-rt', expires_in: 7200, token_type: 'Bearer' };
    const { providerUrl, landed } = await connect('gitlab', 'gl_sm', tokens, { iss: 'https://gitlab.example.com' });
    expect(landed.status).toBe(200);
    expect(`${providerUrl.origin}${providerUrl.pathname}`).toBe('https://gitlab.example.com/oauth/authorize');
    expect(calls.map((c) => c.url)).toEqual(['https://gitlab.example.com/oauth/token']);
    expect((await connect('gitlab', 'gl_wrong_iss', tokens, { iss: 'https://gitlab.com' })).landed.status).toBe(400);

    await expireAccount(h.db, (await accountOf('gl_sm')).id);
    calls.length = 0;
    answer = () => ({ status: 200, body: { ...tokens, access_token: 'sm-at2', refresh_token: 'sm-rt2' } });
    expect((await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'gl_sm' })).body.access_token.access_token).toBe(
      'sm-at2',
    );
    expect(calls[0]!.url).toBe('https://gitlab.example.com/oauth/token');
    expect(new URLSearchParams(calls[0]!.body).get('redirect_uri')).toBe(new URL(providerUrl.searchParams.get('redirect_uri')!).toString());
  });
});
