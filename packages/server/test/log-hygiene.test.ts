/**
 * docs/security.md §8: the request log holds no credential. A whole flow (API, confirmation page,
 * a real authorization server, callback, replayed callback, vends with a refresh, the widget page,
 * dashboard sign-in, mistyped paths) runs with the log at `info`; then the captured log is searched
 * for every secret the flow handled. Logging does not depend on the database: SQLite only.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { redactUrl } from '../src/http/log-redaction.ts';
import { browse, openAndContinue } from './support/connect-flow.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { DashboardClient } from './support/dashboard-client.ts';
import { expireAccount } from './support/expire-account.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';

describe('the request log of a full flow holds no secret (§8)', () => {
  let h: Harness;
  let oidc: OidcServer;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness('sqlite', { allowInsecureProviderUrls: true });
    app = await createApp({ ...h.deps, logLevel: 'info', logStream: { write: (line: string) => lines.push(line) } });
    const res = await api('POST', '/data-integrations', {
      provider: 'acme',
      enabled: true,
      scopes: ['openid', 'offline_access', 'read'],
      credentials: { type: 'custom', client_id: 'acme-client', client_secret: 'acme-client-secret' },
      custom_provider: { name: 'Acme', authorization_url: oidc.authorizationUrl, token_url: oidc.tokenUrl, issuer: oidc.issuer },
    });
    expect(res.statusCode, res.body).toBe(201);
    oidc.registerClient({ clientId: 'acme-client', clientSecret: 'acme-client-secret', redirectUris: [res.json().redirect_uri] });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
    await oidc?.close();
  });

  const api = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${h.apiKey}` }, ...(body ? { payload: body as object } : {}) });

  it('code, state, link, cookies, access and refresh tokens, widget token and session: 0 hits', async () => {
    const logged: Harness = { ...h, app };
    const authorize = await api('POST', '/data-integrations/acme/authorize', { user_id: 'user_1' });
    expect(authorize.statusCode, authorize.body).toBe(200);
    const link: string = authorize.json().url;
    const linkToken = /\/data-integrations\/([^/]+)\/authorize-redirect$/.exec(link)![1]!;

    // The browser: confirmation page, Continue (sets the flow cookie), provider, callback.
    const jar = new CookieJar();
    const providerUrl = await openAndContinue(logged, jar, link);
    const flowCookies = jar.header(`${PUBLIC_URL}/data-integrations/x`);
    expect(flowCookies).not.toBe('');
    const callback = await oidc.login(providerUrl, new CookieJar(), { account: 'alice' });
    const { code, state } = Object.fromEntries(new URL(callback).searchParams) as { code: string; state: string };
    expect(code && state).toBeTruthy();
    expect((await browse(logged, jar, 'GET', callback)).status).toBeLessThan(400);
    // A replayed callback and a mistyped link path are refused, and logged like everything else.
    expect((await browse(logged, new CookieJar(), 'GET', callback)).status).toBeGreaterThanOrEqual(400);
    expect((await app.inject({ method: 'GET', url: `/data-integrations/${linkToken}/authorize-redirect/` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/nowhere?code=${code}&${linkToken}` })).statusCode).toBe(404);

    // Vends, the second one after a refresh grant.
    const first = await api('POST', '/data-integrations/acme/token', { user_id: 'user_1' });
    const row = await h.db.selectFrom('connected_accounts').select('id').where('user_id', '=', 'user_1').executeTakeFirstOrThrow();
    await expireAccount(h.db, row.id);
    const second = await api('POST', '/data-integrations/acme/token', { user_id: 'user_1' });
    const accessTokens = [first, second].map((r) => r.json().access_token.access_token as string);
    expect(accessTokens[0]).not.toBe(accessTokens[1]);
    const refreshToken = (await h.store.accounts.byIdOnly(row.id))!.refresh_token!.open();

    // The hosted widget with its token in the query, and a dashboard session.
    const widgetToken: string = (await api('POST', '/widgets/token', { user_id: 'user_1', organization_id: 'org_1' })).json().token;
    expect((await app.inject({ method: 'GET', url: `/widgets/pipes?token=${widgetToken}` })).statusCode).toBe(200);
    await h.deps.operators.create('alice', 'correct horse battery staple');
    const operator = new DashboardClient(app);
    expect((await operator.signIn('alice', 'correct horse battery staple')).status).toBe(303);
    expect((await operator.get('/dashboard')).status).toBe(200);

    const secrets: Record<string, string> = {
      code,
      state,
      link: linkToken,
      'access token (first)': accessTokens[0]!,
      'access token (refreshed)': accessTokens[1]!,
      'refresh token': refreshToken,
      'widget token': widgetToken,
      'widget token signature': widgetToken.split('.').at(-1)!,
      'API key': h.apiKey,
      'client secret': 'acme-client-secret',
    };
    for (const pair of flowCookies.split('; ')) secrets[`flow cookie ${pair.split('=')[0]}`] = pair.slice(pair.indexOf('=') + 1);
    for (const [name, value] of operator.cookies) secrets[`dashboard cookie ${name}`] = value;

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    const hits = Object.entries(secrets).filter(([, value]) => value.length >= 8 && log.includes(value));
    expect(hits.map(([name]) => name)).toEqual([]);
    // The requests are still there, with parameter names and masked links.
    expect(log).toContain('/data-integrations/[REDACTED]/authorize-redirect"');
    expect(log).toMatch(/\/callback\?code=\[REDACTED\]&state=\[REDACTED\]&iss=\[REDACTED\]"/);
    expect(log).toContain('/widgets/pipes?token=[REDACTED]"');
  });
});

describe('redactUrl', () => {
  const link = 'Ab3_-x'.repeat(7).slice(0, 43);
  it.each([
    ['/data-integrations/github/token', '/data-integrations/github/token'],
    ['/events?limit=10&after=evt_1', '/events?limit=[REDACTED]&after=[REDACTED]'],
    [`/data-integrations/${link}/authorize-redirect`, '/data-integrations/[REDACTED]/authorize-redirect'],
    [`/data-integrations/${link}/authorize-redirect?x=1`, '/data-integrations/[REDACTED]/authorize-redirect?x=[REDACTED]'],
    ['/data-integrations/short/AUTHORIZE-REDIRECT', '/data-integrations/[REDACTED]/AUTHORIZE-REDIRECT'],
    [`/anything/${link}/else`, '/anything/[REDACTED]/else'],
    [
      '/data-integrations/acme/dik_01J00000000000000000000000/callback?code=c&state=s',
      '/data-integrations/acme/dik_01J00000000000000000000000/callback?code=[REDACTED]&state=[REDACTED]',
    ],
    [`/x?${link}`, '/x?[REDACTED]=[REDACTED]'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
