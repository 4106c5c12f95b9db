import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../src/oauth/http-client.ts';
import { browse, openAndContinue } from './support/connect-flow.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { expireAccount } from './support/expire-account.ts';

/**
 * Built-in providers through the whole service (authorize → confirmation → callback → vend), with
 * the provider's token endpoint answered by recorded response shapes through an injected fetch.
 */
interface Recorded {
  status: number;
  body: string;
  contentType?: string;
}

describe('built-in providers end to end with recorded token responses', () => {
  let h: Harness;
  const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
  let next: Recorded = { status: 500, body: '{}' };

  const fetchStub: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers, body: init.body ?? '' });
    return {
      status: next.status,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? (next.contentType ?? 'application/json') : null) },
      text: async () => next.body,
    };
  };

  beforeAll(async () => {
    h = await startHarness('sqlite', { fetch: fetchStub });
    for (const provider of ['gitlab', 'github', 'slack', 'notion', 'salesforce']) {
      const res = await h.request('POST', '/data-integrations', {
        provider,
        enabled: true,
        credentials: { type: 'custom', client_id: `${provider}-id`, client_secret: `${provider}-secret` },
      });
      expect(res.status, res.text).toBe(201);
    }
  });
  afterAll(() => h.close());

  /** Runs a flow up to the provider and returns the callback URL the provider would send back. */
  const begin = async (slug: string, userId: string) => {
    const jar = new CookieJar();
    const link = (await h.request('POST', `/data-integrations/${slug}/authorize`, { user_id: userId })).body.url;
    const providerUrl = new URL(await openAndContinue(h, jar, link));
    const callback = new URL(providerUrl.searchParams.get('redirect_uri')!);
    callback.searchParams.set('code', `code-${userId}`);
    callback.searchParams.set('state', providerUrl.searchParams.get('state')!);
    return { jar, callback, providerUrl };
  };

  it('GitLab: an iss that names the provider, or none, is accepted; any other is refused before the token request', async () => {
    next = {
      status: 200,
      body: JSON.stringify({
        access_token: 'glpat-1',
        token_type: 'Bearer',
        expires_in: 7200,
        refresh_token: 'glrt-1',
        scope: 'read_user',
      }),
    };
    const plain = await begin('gitlab', 'gl_plain');
    expect((await browse(h, plain.jar, 'GET', plain.callback.toString())).status).toBe(200);
    const named = await begin('gitlab', 'gl_named');
    named.callback.searchParams.set('iss', 'https://gitlab.com');
    expect((await browse(h, named.jar, 'GET', named.callback.toString())).status).toBe(200);
    calls.length = 0;
    const wrong = await begin('gitlab', 'gl_wrong');
    wrong.callback.searchParams.set('iss', 'https://evil.example');
    expect((await browse(h, wrong.jar, 'GET', wrong.callback.toString())).status).toBe(400);
    expect(calls).toHaveLength(0);
    const token = await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'gl_named' });
    expect(token.body.access_token).toMatchObject({ access_token: 'glpat-1', scopes: ['read_user'] });
  });

  it('GitHub: an error inside a 200 ends the flow with token_exchange_failed and stores nothing', async () => {
    next = {
      status: 200,
      body: JSON.stringify({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' }),
    };
    const flow = await begin('github', 'gh_user');
    calls.length = 0;
    const res = await browse(h, flow.jar, 'GET', flow.callback.toString());
    expect(res.status).toBe(400);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.accept ?? calls[0]!.headers.Accept).toBe('application/json');
    expect((await h.request('POST', '/data-integrations/github/token', { user_id: 'gh_user' })).body).toEqual({
      active: false,
      error: 'not_installed',
    });
    const failed = await h.request('GET', '/events?events=pipes.connected_account.connection_failed&limit=100');
    expect(
      failed.body.data.some(
        (e: any) =>
          e.data.user_id === 'gh_user' &&
          e.data.error_code === 'token_exchange_failed' &&
          e.data.provider_error === 'bad_verification_code',
      ),
    ).toBe(true);
  });

  it('Slack: the user token nested under authed_user is the one stored and vended', async () => {
    next = {
      status: 200,
      body: JSON.stringify({
        ok: true,
        access_token: 'xoxb-bot-token',
        token_type: 'bot',
        scope: 'commands',
        team: { id: 'T1', name: 'Acme' },
        authed_user: {
          id: 'U1',
          scope: 'channels:read,chat:write',
          access_token: 'xoxp-user-token',
          token_type: 'user',
          refresh_token: 'xoxe-1-refresh',
          expires_in: 43200,
        },
      }),
    };
    const flow = await begin('slack', 'sl_user');
    expect(flow.providerUrl.searchParams.get('user_scope')).not.toBeNull();
    expect((await browse(h, flow.jar, 'GET', flow.callback.toString())).status).toBe(200);
    const token = await h.request('POST', '/data-integrations/slack/token', { user_id: 'sl_user' });
    expect(token.body.access_token).toMatchObject({ access_token: 'xoxp-user-token', scopes: ['channels:read', 'chat:write'] });
  });

  it('Notion: the code exchange sends a JSON body with HTTP Basic client authentication', async () => {
    next = {
      status: 200,
      body: JSON.stringify({
        access_token: 'ntn_1',
        token_type: 'bearer',
        bot_id: 'b1',
        workspace_id: 'w1',
        workspace_name: 'Acme',
        refresh_token: 'nrt_1',
      }),
    };
    const flow = await begin('notion', 'no_user');
    calls.length = 0;
    expect((await browse(h, flow.jar, 'GET', flow.callback.toString())).status).toBe(200);
    const sent = calls[0]!;
    const auth = sent.headers.authorization ?? sent.headers.Authorization;
    expect(auth).toBe(`Basic ${Buffer.from('notion-id:notion-secret').toString('base64')}`);
    expect(JSON.parse(sent.body)).toMatchObject({ grant_type: 'authorization_code', code: 'code-no_user' });
    expect(sent.body).not.toContain('notion-secret');
  });

  it('Salesforce: instance_url is kept as connection metadata; without expires_in the token gets the two-hour session lifetime', async () => {
    next = {
      status: 200,
      body: JSON.stringify({
        access_token: '00D-sf',
        refresh_token: '5Aep-sf',
        instance_url: 'https://acme.my.salesforce.com',
        id: 'https://login.salesforce.com/id/00D/005',
        issued_at: '1700000000000',
        token_type: 'Bearer',
        scope: 'api refresh_token',
      }),
    };
    const flow = await begin('salesforce', 'sf_user');
    const before = Date.now();
    expect((await browse(h, flow.jar, 'GET', flow.callback.toString())).status).toBe(200);
    const token = await h.request('POST', '/data-integrations/salesforce/token', { user_id: 'sf_user' });
    expect(token.body.access_token).toMatchObject({ access_token: '00D-sf' });
    // Refreshed in time rather than used until Salesforce answers "Session expired or invalid".
    const expires = Date.parse(token.body.access_token.expires_at);
    expect(expires).toBeGreaterThanOrEqual(before + 7200_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7200_000);
    const row = await h.db
      .selectFrom('connected_accounts')
      .select(['metadata', 'access_token'])
      .where('user_id', '=', 'sf_user')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.metadata!)).toMatchObject({ instance_url: 'https://acme.my.salesforce.com' });
    expect(row.access_token).not.toContain('00D-sf');
  });

  it('Snowflake: an account pinned by the organization fills the token URL of the exchange and of every refresh', async () => {
    expect(
      (await h.request('POST', '/data-integrations', { provider: 'snowflake', enabled: true, credentials: { type: 'organization' } }))
        .status,
    ).toBe(201);
    const org = await h.request('PUT', '/organizations/org_sf/data_integration_configurations/snowflake', {
      client_id: 'sf-org-id',
      client_secret: 'sf-org-secret',
      config: { account: 'acme-eu' },
    });
    expect(org.status, org.text).toBe(200);
    next = {
      status: 200,
      body: JSON.stringify({ access_token: 'sf-at-1', refresh_token: 'sf-rt-1', expires_in: 600, token_type: 'Bearer' }),
    };
    const jar = new CookieJar();
    const link = (await h.request('POST', '/data-integrations/snowflake/authorize', { user_id: 'snow_user', organization_id: 'org_sf' }))
      .body.url;
    const providerUrl = new URL(await openAndContinue(h, jar, link));
    expect(providerUrl.origin).toBe('https://acme-eu.snowflakecomputing.com');
    const callback = new URL(providerUrl.searchParams.get('redirect_uri')!);
    callback.searchParams.set('code', 'code-sf');
    callback.searchParams.set('state', providerUrl.searchParams.get('state')!);
    calls.length = 0;
    expect((await browse(h, jar, 'GET', callback.toString())).status).toBe(200);
    expect(calls.map((c) => c.url)).toEqual(['https://acme-eu.snowflakecomputing.com/oauth/token-request']);

    const row = await h.db.selectFrom('connected_accounts').select('id').where('user_id', '=', 'snow_user').executeTakeFirstOrThrow();
    await expireAccount(h.db, row.id);
    next = { status: 200, body: JSON.stringify({ access_token: 'sf-at-2', expires_in: 600, token_type: 'Bearer' }) };
    calls.length = 0;
    const token = await h.request('POST', '/data-integrations/snowflake/token', { user_id: 'snow_user', organization_id: 'org_sf' });
    expect(token.body.access_token?.access_token, token.text).toBe('sf-at-2');
    expect(calls.map((c) => c.url)).toEqual(['https://acme-eu.snowflakecomputing.com/oauth/token-request']);
  });
});
