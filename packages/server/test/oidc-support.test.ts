/**
 * Proves the OAuth test infrastructure (test/support/oidc-server.ts, cookie-jar.ts,
 * fault-token-server.ts) with plain fetch — no OpenPipes code involved.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, fetchFollow } from './support/cookie-jar.ts';
import { startFaultTokenServer, type FaultTokenServer } from './support/fault-token-server.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';

const REDIRECT_URI = 'http://127.0.0.1:9/cb';
const CLIENT = { clientId: 'test-client', clientSecret: 'test-secret-1', redirectUris: [REDIRECT_URI] };

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  token_type?: string;
  scope?: string;
  id_token?: string;
  error?: string;
  error_description?: string;
}

const b64url = (buf: Buffer) => buf.toString('base64url');

function pkcePair() {
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  return { verifier, challenge };
}

async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(form),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: (text ? JSON.parse(text) : {}) as TokenResponse };
}

describe('cookie jar', () => {
  it('respects Path, Domain, Secure on loopback, Max-Age/Expires and deletion', () => {
    let now = 1_000_000;
    const jar = new CookieJar({ now: () => now });
    jar.store('http://127.0.0.1:1/interaction/abc', [
      'scoped=1; path=/interaction/abc; httponly',
      'defaulted=2', // default-path of /interaction/abc is /interaction
      'root=3; path=/; Max-Age=10',
      'sec=4; path=/; secure',
      'other=5; path=/; domain=example.com', // rejected: not our domain
    ]);
    expect(jar.header('http://127.0.0.1:1/interaction/abc')).toBe('scoped=1; defaulted=2; root=3; sec=4');
    expect(jar.header('http://127.0.0.1:1/interaction/abcd')).toBe('defaulted=2; root=3; sec=4');
    expect(jar.header('http://127.0.0.1:1/auth/abc')).toBe('root=3; sec=4');
    expect(jar.header('http://127.0.0.2:1/')).toBe(''); // host-only
    now += 11_000;
    expect(jar.header('http://127.0.0.1:1/')).toBe('sec=4'); // Max-Age elapsed
    jar.store('http://127.0.0.1:1/x', ['sec=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(jar.header('http://127.0.0.1:1/')).toBe('');

    const web = new CookieJar();
    web.store('http://app.example.com/', ['d=1; Domain=.example.com; Path=/', 's=2; Secure; Path=/']);
    expect(web.header('http://api.example.com/')).toBe('d=1');
    expect(web.header('http://app.example.com/')).toBe('d=1'); // Secure not sent over http (non-loopback)
    expect(web.size).toBe(1); // a Secure cookie set over plain http (non-loopback) is ignored
  });
});

describe('oidc-provider test server', () => {
  let op: OidcServer;

  beforeAll(async () => {
    op = await startOidcServer({ accessTokenTtlSeconds: 60 });
    op.registerClient(CLIENT);
    op.registerClient({
      clientId: 'machine',
      clientSecret: 'machine-secret',
      grantTypes: ['client_credentials'],
      tokenEndpointAuthMethod: 'client_secret_basic',
    });
  });
  afterAll(async () => {
    await op?.close();
  });

  function authorizationUrl(state: string, challenge: string, scope = 'openid offline_access read') {
    const url = new URL(op.authorizationUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
      scope,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.href;
  }

  /** login + code exchange; returns the token response. */
  async function connect(account = 'alice') {
    const { verifier, challenge } = pkcePair();
    const state = b64url(randomBytes(12));
    const callback = new URL(await op.login(authorizationUrl(state, challenge), new CookieJar(), { account }));
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();
    const res = await postForm(op.tokenUrl, {
      grant_type: 'authorization_code',
      code: code!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  const refresh = (refreshToken: string) =>
    postForm(op.tokenUrl, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });

  it('exposes discovery with iss-parameter support and the expected endpoints', async () => {
    const res = await fetch(`${op.issuer}/.well-known/openid-configuration`);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(op.issuer);
    expect(meta.authorization_endpoint).toBe(op.authorizationUrl);
    expect(meta.token_endpoint).toBe(op.tokenUrl);
    expect(meta.revocation_endpoint).toBe(op.revocationUrl);
    expect(meta.introspection_endpoint).toBe(op.introspectionUrl);
    expect(meta.authorization_response_iss_parameter_supported).toBe(true);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['read', 'write', 'offline_access']));
  });

  it('runs the authorization code flow with PKCE, refresh rotation, reuse detection and revocation', async () => {
    op.resetCounts();
    const { verifier, challenge } = pkcePair();
    const state = b64url(randomBytes(12));
    const jar = new CookieJar();

    const callback = new URL(await op.login(authorizationUrl(state, challenge), jar, { account: 'alice' }));
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(op.issuer);
    const code = callback.searchParams.get('code');
    expect(code).toMatch(/^[\w-]{20,}$/);
    expect(op.counts.tokenRequests).toBe(0);

    // code exchange (client_secret_post)
    const exchanged = await postForm(op.tokenUrl, {
      grant_type: 'authorization_code',
      code: code!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(exchanged.status, exchanged.text).toBe(200);
    const first = exchanged.json;
    expect(first.token_type).toBe('Bearer');
    expect(first.access_token).toMatch(/^[\w-]{20,}$/); // opaque, not a JWT
    expect(first.access_token).not.toContain('.');
    expect(first.refresh_token).toMatch(/^[\w-]{20,}$/);
    expect(first.expires_in).toBeGreaterThanOrEqual(58);
    expect(first.expires_in).toBeLessThanOrEqual(60);
    // oidc-provider drops offline_access unless the request has prompt=consent (OIDC Core 11);
    // the refresh token is issued anyway (issueRefreshToken).
    expect(first.scope?.split(' ').sort()).toEqual(['openid', 'read']);
    expect(first.id_token).toBeTruthy();
    expect(op.counts).toMatchObject({ codeGrants: 1, grantSuccess: 1, tokenRequests: 1, grantError: 0 });

    // the access token works at userinfo and introspection
    const userinfo = await fetch(op.userinfoUrl, { headers: { authorization: `Bearer ${first.access_token}` } });
    expect(userinfo.status).toBe(200);
    expect(((await userinfo.json()) as { sub: string }).sub).toBe('alice');

    // refresh → rotated refresh token
    const refreshed = await refresh(first.refresh_token!);
    expect(refreshed.status, refreshed.text).toBe(200);
    const second = refreshed.json;
    expect(second.access_token).toBeTruthy();
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(op.counts).toMatchObject({ refreshGrants: 1, grantSuccess: 2, tokenRequests: 2 });

    // reusing the rotated (old) refresh token → invalid_grant; oidc-provider treats it as token theft
    // and revokes the WHOLE grant (reuse detection), so the new refresh token dies as well.
    const reused = await refresh(first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(reused.json.error).toBe('invalid_grant');
    expect(op.counts.grantError).toBe(1);
    expect(op.errors).toEqual([
      { error: 'invalid_grant', grantType: 'refresh_token', description: 'grant request is invalid', detail: 'refresh token already used' },
    ]);
    expect(op.counts.grantRevoked).toBe(1);
    const afterReuse = await refresh(second.refresh_token!);
    expect(afterReuse.status).toBe(400);
    expect(afterReuse.json.error).toBe('invalid_grant');
    expect(op.counts).toMatchObject({ grantError: 2, refreshGrants: 1, tokenRequests: 4 });
  });

  it('revokes a grant at the revocation endpoint', async () => {
    const first = await connect('bob');
    op.resetCounts();
    const rotated = await refresh(first.refresh_token!);
    expect(rotated.status, rotated.text).toBe(200);

    const revoked = await postForm(op.revocationUrl, {
      token: rotated.json.refresh_token!,
      token_type_hint: 'refresh_token',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(revoked.status).toBe(200);
    expect(op.counts.grantRevoked).toBe(1);
    expect(op.counts.revocationRequests).toBe(1);

    const after = await refresh(rotated.json.refresh_token!);
    expect(after.status).toBe(400);
    expect(after.json.error).toBe('invalid_grant');

    // the access token of the revoked grant is gone too
    const introspected = await postForm(op.introspectionUrl, {
      token: rotated.json.access_token!,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(introspected.json).toEqual({ active: false });
  });

  it('issues refresh tokens without offline_access and without prompt=consent', async () => {
    const { verifier, challenge } = pkcePair();
    const callback = new URL(await op.login(authorizationUrl('s1', challenge, 'read write'), new CookieJar(), { account: 'carol' }));
    const res = await postForm(op.tokenUrl, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.refresh_token).toBeTruthy();
    expect(res.json.id_token).toBeUndefined();
    expect(res.json.scope?.split(' ').sort()).toEqual(['read', 'write']);
  });

  it('rejects a wrong PKCE verifier and a wrong client secret', async () => {
    const { challenge } = pkcePair();
    const callback = new URL(await op.login(authorizationUrl('s2', challenge), new CookieJar()));
    op.resetCounts();
    const wrongVerifier = await postForm(op.tokenUrl, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkcePair().verifier,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.json.error).toBe('invalid_grant');
    const wrongSecret = await postForm(op.tokenUrl, {
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: CLIENT.clientId,
      client_secret: 'nope',
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.json.error).toBe('invalid_client');
    expect(op.errors.map((e) => [e.error, e.grantType])).toEqual([
      ['invalid_grant', 'authorization_code'],
      ['invalid_client', 'refresh_token'],
    ]);
    expect(op.counts.grantError).toBe(2);
    expect(op.tokenLog).toEqual([
      { grantType: 'authorization_code', clientId: CLIENT.clientId, authMethod: 'client_secret_post', outcome: 'invalid_grant' },
      { grantType: 'refresh_token', clientId: CLIENT.clientId, authMethod: 'client_secret_post', outcome: 'invalid_client' },
    ]);
  });

  it('supports the client_credentials grant (client_secret_basic)', async () => {
    op.resetCounts();
    const res = await postForm(
      op.tokenUrl,
      { grant_type: 'client_credentials', scope: 'read' },
      { authorization: `Basic ${Buffer.from('machine:machine-secret').toString('base64')}` },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.json.access_token).toBeTruthy();
    expect(res.json.expires_in).toBeLessThanOrEqual(60);
    expect(res.json.refresh_token).toBeUndefined();
    expect(op.counts).toMatchObject({ clientCredentialsGrants: 1, grantSuccess: 1, tokenRequests: 1 });

    // the authorization-code client may not use it
    const denied = await postForm(op.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(denied.status).toBe(400);
    expect(op.counts.grantError).toBe(1);
  });

  it('redirects with error=access_denied when the user denies', async () => {
    const { challenge } = pkcePair();
    const callback = new URL(await op.login(authorizationUrl('deny-state', challenge), new CookieJar(), { deny: true }));
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('deny-state');
    expect(callback.searchParams.get('iss')).toBe(op.issuer);
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('skips login and consent for a returning user with the same cookie jar', async () => {
    const jar = new CookieJar();
    const { challenge } = pkcePair();
    await op.login(authorizationUrl('a', challenge), jar, { account: 'dave' });
    // a second authorization in the same browser session goes straight back to the client
    const { response, url, stopped } = await fetchFollow(
      jar,
      authorizationUrl('b', challenge),
      {},
      {
        stopAt: (u) => u.origin === 'http://127.0.0.1:9',
      },
    );
    expect(stopped).toBe(true);
    expect(response.status).toBe(303);
    expect(url.searchParams.get('state')).toBe('b');
    expect(url.searchParams.get('code')).toBeTruthy();
  });

  it('makes issued access tokens expire on demand', async () => {
    const tokens = await connect('erin');
    const before = await fetch(op.userinfoUrl, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(before.status).toBe(200);
    op.expireAccessTokensNow();
    const after = await fetch(op.userinfoUrl, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(after.status).toBe(401);
    // the refresh token still works
    const refreshed = await refresh(tokens.refresh_token!);
    expect(refreshed.status, refreshed.text).toBe(200);
  });

  it('registers clients at any time and replaces them', async () => {
    op.registerClient({ clientId: 'late', clientSecret: 's1', grantTypes: ['client_credentials'] });
    const one = await postForm(op.tokenUrl, { grant_type: 'client_credentials', client_id: 'late', client_secret: 's1' });
    expect(one.status, one.text).toBe(200);
    op.registerClient({ clientId: 'late', clientSecret: 's2', grantTypes: ['client_credentials'] });
    const old = await postForm(op.tokenUrl, { grant_type: 'client_credentials', client_id: 'late', client_secret: 's1' });
    expect(old.status).toBe(401);
    const fresh = await postForm(op.tokenUrl, { grant_type: 'client_credentials', client_id: 'late', client_secret: 's2' });
    expect(fresh.status).toBe(200);
    expect(() => op.registerClient({ clientId: 'bad', clientSecret: 's', redirectUris: ['not a url'] })).toThrow();
  });

  it('keeps the provider free of server errors', () => {
    expect(op.serverErrors).toEqual([]);
  });
});

describe('oidc-provider test server without refresh-token rotation', () => {
  it('returns the same refresh token, authenticates with client_secret_basic and honours a 1 s access-token TTL', async () => {
    const op = await startOidcServer({ rotateRefreshToken: false, accessTokenTtlSeconds: 1 });
    try {
      op.registerClient({
        clientId: 'basic',
        clientSecret: 'basic-secret',
        redirectUris: [REDIRECT_URI],
        tokenEndpointAuthMethod: 'client_secret_basic',
      });
      // redirect_uri may be omitted when the client has exactly one
      const callback = new URL(
        await op.login(`${op.authorizationUrl}?response_type=code&client_id=basic&scope=read&state=s`, new CookieJar()),
      );
      expect(callback.searchParams.get('iss')).toBe(op.issuer);
      const basic = { authorization: `Basic ${Buffer.from('basic:basic-secret').toString('base64')}` };
      const tokens = await postForm(
        op.tokenUrl,
        { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: REDIRECT_URI },
        basic,
      );
      expect(tokens.status, tokens.text).toBe(200);
      expect(tokens.json.expires_in).toBe(1);
      const refreshed = await postForm(op.tokenUrl, { grant_type: 'refresh_token', refresh_token: tokens.json.refresh_token! }, basic);
      expect(refreshed.status, refreshed.text).toBe(200);
      expect(refreshed.json.refresh_token).toBe(tokens.json.refresh_token);
      const again = await postForm(op.tokenUrl, { grant_type: 'refresh_token', refresh_token: tokens.json.refresh_token! }, basic);
      expect(again.status, again.text).toBe(200);
      // oidc-provider 8 also accepts client_secret_post for a client registered with client_secret_basic,
      // so the method actually used is asserted through tokenLog
      const post = await postForm(op.tokenUrl, {
        grant_type: 'refresh_token',
        refresh_token: tokens.json.refresh_token!,
        client_id: 'basic',
        client_secret: 'basic-secret',
      });
      expect(post.status).toBe(200);
      expect(op.tokenLog.map((e) => [e.grantType, e.clientId, e.authMethod, e.outcome])).toEqual([
        ['authorization_code', 'basic', 'client_secret_basic', 'success'],
        ['refresh_token', 'basic', 'client_secret_basic', 'success'],
        ['refresh_token', 'basic', 'client_secret_basic', 'success'],
        ['refresh_token', 'basic', 'client_secret_post', 'success'],
      ]);

      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const userinfo = await fetch(op.userinfoUrl, { headers: { authorization: `Bearer ${again.json.access_token}` } });
      expect(userinfo.status).toBe(401); // no clock tolerance
      expect(op.counts).toMatchObject({ codeGrants: 1, refreshGrants: 3, grantRevoked: 0 });
    } finally {
      await op.close();
    }
  });
});

describe('fault token server', () => {
  let fault: FaultTokenServer;
  beforeAll(async () => {
    fault = await startFaultTokenServer();
  });
  afterAll(async () => {
    await fault?.close();
  });

  const hit = (url: string, signal?: AbortSignal) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=r1',
      ...(signal ? { signal } : {}),
    });

  it('answers tokens in ok mode and records requests', async () => {
    expect(fault.mode).toBe('ok');
    const a = await hit(fault.tokenUrl);
    expect(a.status).toBe(200);
    expect(await a.json()).toEqual({
      access_token: 'fault-at-1',
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: 'fault-rt-1',
      scope: 'read',
    });
    const b = await hit(fault.tokenUrl);
    expect(((await b.json()) as TokenResponse).access_token).toBe('fault-at-2');
    const revoke = await hit(fault.revocationUrl);
    expect(revoke.status).toBe(200);
    expect(await revoke.text()).toBe('');
    expect(fault.count()).toBe(3);
    expect(fault.count('/token')).toBe(2);
    expect(fault.count('/revoke')).toBe(1);
    expect(fault.requests[0]).toMatchObject({ method: 'POST', path: '/token', body: 'grant_type=refresh_token&refresh_token=r1' });
    expect(fault.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it.each([
    ['server_error', 500, { error: 'server_error' }],
    ['rate_limited', 429, { error: 'rate_limited' }],
    ['invalid_grant', 400, { error: 'invalid_grant' }],
    ['github_error_200', 200, { error: 'bad_refresh_token' }],
  ] as const)('answers %s with %i on the token and revocation paths', async (mode, status, body) => {
    fault.setMode(mode);
    for (const url of [fault.tokenUrl, fault.revocationUrl]) {
      const res = await hit(url);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const json = (await res.json()) as Record<string, unknown>;
      expect(json).toMatchObject(body);
      if (mode === 'rate_limited') expect(res.headers.get('retry-after')).toBe('5');
      if (mode === 'github_error_200') expect(json.error_description).toEqual(expect.any(String));
    }
  });

  it('never answers in timeout mode (the client aborts) and still closes promptly', async () => {
    fault.setMode('timeout');
    const before = fault.count('/token');
    const started = Date.now();
    await expect(hit(fault.tokenUrl, AbortSignal.timeout(200))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(fault.count('/token')).toBe(before + 1);

    // a request still hanging when the server closes is cut off, and close() resolves
    const pending = hit(fault.tokenUrl).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 50));
    const closing = Date.now();
    await fault.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    expect(await pending).toBe('failed');
  });
});
