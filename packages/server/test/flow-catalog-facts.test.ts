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
});
