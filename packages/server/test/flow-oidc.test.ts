import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, connectThroughBrowser, openAndContinue } from './support/connect-flow.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { expireAccount } from './support/expire-account.ts';

const RETURN_TO = 'https://app.example.com/connected?tab=integrations';

describe.each(DIALECTS)('authorization flow, vending and revocation against a real authorization server on %s', (dialect) => {
  let h: Harness;
  let oidc: OidcServer;
  let redirectUri: string;
  let otherRedirectUri: string;

  const authorize = (body: Record<string, unknown>, slug = 'acme') => h.request('POST', `/data-integrations/${slug}/authorize`, body);
  const vend = (userId: string, slug = 'acme') => h.request('POST', `/data-integrations/${slug}/token`, { user_id: userId });
  const expire = async (userId: string) => {
    const row = await h.db.selectFrom('connected_accounts').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    await expireAccount(h.db, row.id);
  };

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness(dialect, { allowInsecureProviderUrls: true });
    for (const [slug, clientId] of [
      ['acme', 'acme-client'],
      ['acme-two', 'acme-two-client'],
    ] as const) {
      const res = await h.request('POST', '/data-integrations', {
        provider: slug,
        enabled: true,
        scopes: ['openid', 'offline_access', 'read'],
        credentials: { type: 'custom', client_id: clientId, client_secret: `${clientId}-secret` },
        custom_provider: {
          name: 'Acme Identity',
          authorization_url: oidc.authorizationUrl,
          token_url: oidc.tokenUrl,
          revocation_url: oidc.revocationUrl,
          issuer: oidc.issuer,
        },
      });
      expect(res.status, res.text).toBe(201);
      oidc.registerClient({ clientId, clientSecret: `${clientId}-secret`, redirectUris: [res.body.redirect_uri] });
      if (slug === 'acme') redirectUri = res.body.redirect_uri;
      else otherRedirectUri = res.body.redirect_uri;
    }
  });
  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  it('connects an account: confirmation page, provider login and consent, callback, one code grant', async () => {
    oidc.resetCounts();
    const { status, body } = await authorize({ user_id: 'user_1', return_to: RETURN_TO });
    expect(status).toBe(200);
    expect(body.url).toMatch(/^https:\/\/pipes\.test\/data-integrations\/[A-Za-z0-9_-]{43}\/authorize-redirect$/);

    const jar = new CookieJar();
    const page = await browse(h, jar, 'GET', body.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Acme Identity');
    expect(page.body).toContain('user_1');
    expect(page.body).toMatch(/<form method="post"/);
    const providerUrl = await openAndContinue(h, new CookieJar(), (await authorize({ user_id: 'user_1', return_to: RETURN_TO })).body.url);
    const p = new URL(providerUrl);
    expect(`${p.origin}${p.pathname}`).toBe(oidc.authorizationUrl);
    expect(p.searchParams.get('client_id')).toBe('acme-client');
    expect(p.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(p.searchParams.get('scope')).toBe('openid offline_access read');
    expect(p.searchParams.get('code_challenge_method')).toBe('S256');
    expect(p.searchParams.get('state')!.length).toBeGreaterThanOrEqual(43);

    const { final, callback } = await connectThroughBrowser(h, oidc, body.url, { account: 'alice' });
    expect(new URL(callback).searchParams.get('iss')).toBe(oidc.issuer);
    expect(final.status).toBe(303);
    expect(final.location).toBe(RETURN_TO);
    expect(oidc.counts.codeGrants).toBe(1);
    expect(oidc.counts.tokenRequests).toBe(1);

    const account = await h.request('GET', '/user_management/users/user_1/connected_accounts/acme');
    expect(account.body).toMatchObject({ state: 'connected', connection_role: 'compatibility', auth_method: 'oauth' });
    expect(account.body.scopes).toEqual(expect.arrayContaining(['openid', 'read']));
    const events = await h.request('GET', '/events?events=pipes.connected_account.connected');
    expect(events.body.data.filter((e: any) => e.data.user_id === 'user_1')).toHaveLength(1);
  });

  it('vends the stored token without calling the provider, then refreshes it once when expired', async () => {
    oidc.resetCounts();
    const first = await vend('user_1');
    expect(first.status).toBe(200);
    expect(first.body.active).toBe(true);
    expect(first.body.access_token, JSON.stringify(first.body.access_token.scopes)).toMatchObject({
      object: 'access_token',
      missing_scopes: [],
    });
    expect(first.headers['cache-control']).toBe('no-store');
    expect(oidc.counts.tokenRequests).toBe(0);

    await expire('user_1');
    const refreshed = await vend('user_1');
    expect(refreshed.body.active).toBe(true);
    expect(refreshed.body.access_token.access_token).not.toBe(first.body.access_token.access_token);
    expect(Date.parse(refreshed.body.access_token.expires_at)).toBeGreaterThan(Date.now() + 60_000);
    expect(oidc.counts.refreshGrants).toBe(1);

    // The WorkOS SDK sends an Idempotency-Key on every POST; vend answers carry tokens and are never stored.
    const keyed = await h.request('POST', '/data-integrations/acme/token', { user_id: 'user_1' }, { 'idempotency-key': 'retry-vend-1' });
    expect(keyed.body.access_token.access_token).toBe(refreshed.body.access_token.access_token);
    const stored = await h.db.selectFrom('idempotency_keys').selectAll().execute();
    expect(stored.filter((r) => r.route.includes('/token'))).toEqual([]);
    expect(JSON.stringify(stored)).not.toContain(refreshed.body.access_token.access_token);
    const cred = await h.request('POST', '/data-integrations/acme/credentials', { user_id: 'user_1' });
    expect(cred.body).toMatchObject({
      active: true,
      credential: { object: 'credential', auth_method: 'oauth', value: refreshed.body.access_token.access_token, config: {} },
    });
    expect(oidc.counts.refreshGrants).toBe(1);
  });

  it('refreshes exactly once for 100 concurrent vends of an expired token', async () => {
    await expire('user_1');
    oidc.resetCounts();
    const answers = await Promise.all(Array.from({ length: 100 }, () => vend('user_1')));
    expect(answers.every((a) => a.status === 200 && a.body.active === true)).toBe(true);
    expect(new Set(answers.map((a) => a.body.access_token.access_token)).size).toBe(1);
    expect(oidc.counts.refreshGrants).toBe(1);
    expect(oidc.counts.grantError).toBe(0);
  });

  it('answers not_installed for an owner without a connection and 404 for an unknown integration', async () => {
    expect((await vend('nobody')).body).toEqual({ active: false, error: 'not_installed' });
    expect((await vend('user_1', 'nope')).status).toBe(404);
  });

  it('moves the account to needs_reauthorization after exactly one invalid_grant', async () => {
    // Revoke the grant behind the provider's back, then let the token expire.
    const row = await h.db.selectFrom('connected_accounts').selectAll().where('user_id', '=', 'user_1').executeTakeFirstOrThrow();
    const refreshToken = h.keyring.open(row.refresh_token!, `${h.environmentId}|connected_accounts|refresh_token|${row.id}`);
    const revoke = await fetch(oidc.revocationUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: refreshToken,
        token_type_hint: 'refresh_token',
        client_id: 'acme-client',
        client_secret: 'acme-client-secret',
      }),
    });
    expect(revoke.status).toBe(200);
    await expire('user_1');
    oidc.resetCounts();
    const answers = await Promise.all(Array.from({ length: 10 }, () => vend('user_1')));
    expect(answers.map((a) => a.body)).toEqual(Array.from({ length: 10 }, () => ({ active: false, error: 'needs_reauthorization' })));
    expect(oidc.counts.tokenRequests).toBe(1);
    expect((await vend('user_1')).body).toEqual({ active: false, error: 'needs_reauthorization' });
    expect(oidc.counts.tokenRequests).toBe(1);
    const events = await h.request('GET', '/events?events=pipes.connected_account.reauthorization_needed');
    expect(events.body.data.filter((e: any) => e.data.user_id === 'user_1')).toHaveLength(1);
  });

  it('re-authorizes the same connection through a new flow', async () => {
    oidc.resetCounts();
    const before = (await h.request('GET', '/user_management/users/user_1/connected_accounts/acme')).body;
    const { final } = await connectThroughBrowser(h, oidc, (await authorize({ user_id: 'user_1' })).body.url, { account: 'alice' });
    expect(final.status).toBe(200);
    expect(final.body).toContain('connected');
    const after = (await h.request('GET', '/user_management/users/user_1/connected_accounts/acme')).body;
    expect(after.id).toBe(before.id);
    expect(after.state).toBe('connected');
    expect((await vend('user_1')).body.active).toBe(true);
  });

  it('revokes the grant at the provider when the connection is deleted', async () => {
    oidc.resetCounts();
    expect((await h.request('DELETE', '/user_management/users/user_1/connected_accounts/acme')).status).toBe(204);
    expect(oidc.counts.revocationRequests).toBe(1);
    expect(oidc.counts.grantRevoked).toBe(1);
    expect((await vend('user_1')).body).toEqual({ active: false, error: 'not_installed' });
    const events = await h.request('GET', '/events?events=pipes.connected_account.disconnected');
    expect(events.body.data.filter((e: any) => e.data.user_id === 'user_1')).toHaveLength(1);
  });

  it('ends a denied consent on return_to with the provider’s error, stores nothing and records connection_failed', async () => {
    oidc.resetCounts();
    const { final } = await connectThroughBrowser(h, oidc, (await authorize({ user_id: 'user_deny', return_to: RETURN_TO })).body.url, {
      deny: true,
    });
    expect(final.status).toBe(303);
    const loc = new URL(final.location!);
    expect(`${loc.origin}${loc.pathname}`).toBe('https://app.example.com/connected');
    expect(loc.searchParams.get('tab')).toBe('integrations');
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.has('code')).toBe(false);
    expect(oidc.counts.tokenRequests).toBe(0);
    expect((await vend('user_deny')).body).toEqual({ active: false, error: 'not_installed' });
    const failed = await h.request('GET', '/events?events=pipes.connected_account.connection_failed&limit=100');
    expect(
      failed.body.data.some(
        (e: any) => e.data.user_id === 'user_deny' && e.data.error_code === 'provider_error' && e.data.provider_error === 'access_denied',
      ),
    ).toBe(true);
  });

  describe('flow attacks: each is refused with a 4xx and the provider sees no token request', () => {
    /** Runs a flow up to the provider's redirect back, without delivering it. */
    const pendingCallback = async (userId: string) => {
      const jar = new CookieJar();
      const providerUrl = await openAndContinue(h, jar, (await authorize({ user_id: userId })).body.url);
      const callback = await oidc.login(providerUrl, new CookieJar(), { account: userId });
      return { jar, callback: new URL(callback) };
    };
    const refused = async (res: { status: number }) => {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(oidc.counts.tokenRequests).toBe(0);
    };

    it('unknown state', async () => {
      const { jar, callback } = await pendingCallback('user_a1');
      oidc.resetCounts();
      callback.searchParams.set('state', 'x'.repeat(43));
      await refused(await browse(h, jar, 'GET', callback.toString()));
    });

    it('replayed state', async () => {
      const { jar, callback } = await pendingCallback('user_a2');
      expect((await browse(h, jar, 'GET', callback.toString())).status).toBe(200);
      oidc.resetCounts();
      await refused(await browse(h, jar, 'GET', callback.toString()));
    });

    it('expired state', async () => {
      const { jar, callback } = await pendingCallback('user_a3');
      await h.db
        .updateTable('flows')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('status', '=', 'redirected')
        .execute();
      oidc.resetCounts();
      await refused(await browse(h, jar, 'GET', callback.toString()));
    });

    it('callback from another browser (no flow cookie)', async () => {
      const { callback } = await pendingCallback('user_a4');
      oidc.resetCounts();
      await refused(await browse(h, new CookieJar(), 'GET', callback.toString()));
    });

    it('wrong iss', async () => {
      const { jar, callback } = await pendingCallback('user_a5');
      oidc.resetCounts();
      callback.searchParams.set('iss', 'https://evil.example');
      await refused(await browse(h, jar, 'GET', callback.toString()));
      const missing = await pendingCallback('user_a5b');
      missing.callback.searchParams.delete('iss');
      await refused(await browse(h, missing.jar, 'GET', missing.callback.toString()));
    });

    it('a code delivered to another integration’s callback path', async () => {
      const { jar, callback } = await pendingCallback('user_a6');
      oidc.resetCounts();
      const other = new URL(otherRedirectUri);
      other.search = callback.search;
      await refused(await browse(h, jar, 'GET', other.toString()));
    });

    it('a used authorization link and a forged confirmation', async () => {
      const { body } = await authorize({ user_id: 'user_a7' });
      const jar = new CookieJar();
      await openAndContinue(h, jar, body.url);
      expect((await browse(h, jar, 'GET', body.url)).status).toBe(410);
      const fresh = await authorize({ user_id: 'user_a7' });
      await browse(h, new CookieJar(), 'GET', fresh.body.url);
      expect((await browse(h, new CookieJar(), 'POST', fresh.body.url, { csrf_token: 'forged' })).status).toBe(403);
    });
  });

  it('refuses hostile return_to values when the URL is minted', async () => {
    const hostile = [
      '//evil.example',
      '//evil.example/connected',
      '/\\evil.example',
      '\\\\evil.example',
      'https://app.example.com@evil.example',
      'https://app.example.com:443@evil.example/',
      'https://user:pass@app.example.com/',
      'https://evil.example',
      'https://evil.example/https://app.example.com',
      'https://app.example.com.evil.example',
      'https://app.example.com.evil.example/connected',
      'https://app-example.com',
      'https://appexample.com',
      'https://app.example.co',
      'https://app.example.com.',
      'https://app.exаmple.com',
      'https://xn--app-example-com',
      'https://app.example.com%2f@evil.example',
      'https://app.example.com%2F%2Fevil.example',
      'https://app.example.com%40evil.example',
      'https://evil.example%2f@app.example.com',
      'https://evil.example#@app.example.com',
      'https://evil.example?@app.example.com',
      'https://evil.example\\@app.example.com',
      'https:app.example.com',
      'https:/app.example.com',
      'https:\\\\app.example.com',
      'http://app.example.com',
      'http://app.example.com:443',
      'https://app.example.com:8443',
      'https://app.example.com:0',
      'ftp://app.example.com',
      'javascript:alert(1)',
      'JavaScript:alert(document.domain)',
      'javascript://app.example.com/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      ' https://evil.example',
      'https://evil.example ',
      '\thttps://app.example.com',
      'https://app.example.com\t.evil.example',
      'https://app.example.com\n.evil.example',
      'https://app.example.com\r\n@evil.example',
      'https://\u0000app.example.com',
      '/connected',
      'connected',
      '',
      '.',
      '//',
      'https://',
      'https://[::1]/',
      'https://127.0.0.1/',
      'https://localhost/',
      'https://evil.example/\u2215\u2215app.example.com',
      `https://app.example.com/${'a'.repeat(2100)}`,
      // Non-ASCII passed the check once, then the callback's Location header failed with a 500.
      'https://app.example.com/\u202e',
      'https://app.example.com/caf\u00e9',
    ];
    expect(hostile.length).toBeGreaterThanOrEqual(50);
    const before = await h.db.selectFrom('flows').select('id').execute();
    for (const returnTo of hostile) {
      const res = await authorize({ user_id: 'user_rt', return_to: returnTo });
      expect([400, 422], `${JSON.stringify(returnTo)} → ${res.status}`).toContain(res.status);
      expect(res.body.errors?.[0]?.field).toBe('return_to');
    }
    expect((await h.db.selectFrom('flows').select('id').execute()).length).toBe(before.length);
    expect((await authorize({ user_id: 'user_rt', return_to: 'https://app.example.com/ok?x=1#y' })).status).toBe(200);
  });

  it('skips the confirmation page when the environment turns it off', async () => {
    await h.deps.environments.configure('default', { confirmationScreen: false });
    try {
      const { body } = await authorize({ user_id: 'user_noconfirm' });
      const jar = new CookieJar();
      const res = await browse(h, jar, 'GET', body.url);
      expect(res.status).toBe(303);
      expect(res.location!.startsWith(oidc.authorizationUrl)).toBe(true);
      expect(res.setCookies.join(';')).toMatch(/op_flow_[0-9A-Z]+=.+HttpOnly; SameSite=Lax; Secure/);
      const callback = await oidc.login(res.location!, new CookieJar(), { account: 'user_noconfirm' });
      expect((await browse(h, jar, 'GET', callback)).status).toBe(200);
      expect((await vend('user_noconfirm')).body.active).toBe(true);
    } finally {
      await h.deps.environments.configure('default', { confirmationScreen: true });
    }
  });

  it('validates authorize requests', async () => {
    expect((await authorize({ user_id: 'u' }, 'nope')).status).toBe(404);
    const org = await authorize({ user_id: 'u', connection_owner: 'organization' });
    expect(org.status).toBe(422);
    expect(org.body.errors[0].field).toBe('organization_id');
    expect((await authorize({ user_id: 'u', connection_intent: 'reauthorize' })).status).toBe(422);
    expect((await h.request('PUT', '/organizations/org_off/data_integration_configurations/acme', { enabled: false })).status).toBe(200);
    const off = await authorize({ user_id: 'u', organization_id: 'org_off' });
    expect(off.status).toBe(403);
    expect(off.body.code).toBe('integration_disabled');
  });
});
