/**
 * Issue 12, the proxy to provider APIs: credentials attached, our headers kept back, a 401 renewed
 * exactly once through the refresh coordinator (real refreshes at the test oidc-provider), provider
 * answers passed through and OpenPipes' own answers marked, on both stores.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { SLUG, USER, startProxyRig, stopProxyRig, type ProxyRig } from './support/proxy-rig.ts';

/** What a caller may send that must not reach the provider (but `x-custom` and the content type). */
const CALLER_HEADERS = {
  'content-type': 'application/json',
  cookie: 'session=secret',
  'x-forwarded-for': '10.0.0.1',
  forwarded: 'for=10.0.0.1',
  'x-real-ip': '10.0.0.1',
  'keep-alive': 'timeout=5',
  'proxy-authorization': 'Basic abc',
  connection: 'keep-alive, x-hop',
  'x-hop': 'gone',
  'x-custom': 'kept',
};

describe.each(DIALECTS)('proxy to a provider API (%s)', (dialect) => {
  let rig: ProxyRig;
  beforeAll(async () => {
    rig = await startProxyRig(dialect, `proxy-${dialect}`);
  }, 60_000);
  afterAll(() => stopProxyRig(rig));
  beforeEach(() => {
    rig.stub.answer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url })));
    rig.oidc.resetCounts();
  });

  it('sends the path and query under the API base URL with the access token as Bearer', async () => {
    const res = await rig.call('GET', `/proxy/${SLUG}/users/me?x=1&y=a%20b`);
    expect(res.status, res.body).toBe(200);
    expect(res.headers['openpipes-proxy-source']).toBe('provider');
    expect(res.json()).toEqual({ url: '/v1/users/me?x=1&y=a%20b' });
    const seen = rig.stub.received[0]!;
    expect(seen.headers.authorization).toBe(`Bearer ${rig.tokens.access_token}`);
    expect(seen.headers.host).toBe(`127.0.0.1:${rig.stub.port}`);
    // An empty rest is the base URL itself.
    expect((await rig.call('GET', `/proxy/${SLUG}`)).json()).toEqual({ url: '/v1' });
  });

  it('a proxied call is a use of the connection: last_used_at is set at the next flush', async () => {
    await rig.h.deps.lastUsed.flush();
    const before = await rig.h.db
      .selectFrom('connected_accounts')
      .select('last_used_at')
      .where('id', '=', rig.accountId)
      .executeTakeFirstOrThrow();
    expect((await rig.call('GET', `/proxy/${SLUG}/users/me`)).status).toBe(200);
    await rig.h.deps.lastUsed.flush();
    const after = await rig.h.db
      .selectFrom('connected_accounts')
      .select('last_used_at')
      .where('id', '=', rig.accountId)
      .executeTakeFirstOrThrow();
    expect(after.last_used_at).not.toBeNull();
    expect(after.last_used_at! >= (before.last_used_at ?? '')).toBe(true);
    expect(after.last_used_at).not.toBe(before.last_used_at);
  });

  it('never forwards our Authorization, OpenPipes-*, cookies, forwarding or hop-by-hop headers', async () => {
    const res = await rig.call('POST', `/proxy/${SLUG}/things`, {
      headers: { ...CALLER_HEADERS, 'openpipes-organization-id': 'org_x', 'openpipes-retries': '0' },
      payload: '{"a":1}',
    });
    // The organization header changes the selection: the user's connection outside that organization is not it.
    expect(res.status).toBe(404);
    expect(res.json().code).toBe('not_installed');
    expect(rig.stub.received).toEqual([]);
    const ok = await rig.call('POST', `/proxy/${SLUG}/things`, {
      headers: { ...CALLER_HEADERS, 'openpipes-retries': '0' },
      payload: '{"a":1}',
    });
    expect(ok.status, ok.body).toBe(200);
    const seen = rig.stub.received[0]!;
    expect(seen.body?.toString()).toBe('{"a":1}');
    expect(seen.headers['x-custom']).toBe('kept');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.authorization).toBe(`Bearer ${rig.tokens.access_token}`);
    const names = Object.keys(seen.headers);
    for (const name of ['cookie', 'x-forwarded-for', 'forwarded', 'x-real-ip', 'keep-alive', 'proxy-authorization', 'x-hop']) {
      expect(names, name).not.toContain(name);
    }
    expect(names.filter((n) => n.startsWith('openpipes-'))).toEqual([]);
    expect(JSON.stringify(seen.headers)).not.toContain(rig.h.apiKey);
  });

  it('passes provider errors through with status, headers and body; strips hop-by-hop response headers', async () => {
    rig.stub.answer((_req, res) =>
      res
        .writeHead(404, { 'content-type': 'text/plain', 'x-provider': 'yes', 'set-cookie': 'p=1', 'keep-alive': 'timeout=1' })
        .end('no such thing'),
    );
    const res = await rig.call('GET', `/proxy/${SLUG}/missing`);
    expect(res.status).toBe(404);
    expect(res.body).toBe('no such thing');
    expect(res.headers['x-provider']).toBe('yes');
    expect(res.headers['set-cookie']).toBe('p=1');
    expect(res.headers['keep-alive']).toBeUndefined();
    expect(res.headers['openpipes-proxy-source']).toBe('provider');

    rig.stub.answer((_req, res) => res.writeHead(429, { 'retry-after': '30' }).end('{"error":"slow down"}'));
    const limited = await rig.call('GET', `/proxy/${SLUG}/busy`);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.body).toBe('{"error":"slow down"}');
    expect(limited.headers['openpipes-proxy-source']).toBe('provider');
  });

  it("answers OpenPipes' own errors as JSON with OpenPipes-Proxy-Source: openpipes", async () => {
    const cases: [string, Record<string, string>, number, string][] = [
      [`/proxy/${SLUG}/x`, { 'openpipes-user-id': 'nobody' }, 404, 'not_installed'],
      [`/proxy/${SLUG}/x`, { 'openpipes-user-id': '' }, 400, 'invalid_request'],
      [`/proxy/${SLUG}/x`, { 'openpipes-retries': '9' }, 400, 'invalid_request'],
      [`/proxy/${SLUG}/x`, { 'openpipes-connection-owner': 'organization' }, 400, 'invalid_request'],
      ['/proxy/nosuch/x', {}, 404, 'entity_not_found'],
      [`/proxy/${SLUG}/x`, { authorization: 'Bearer sk_wrong' }, 401, 'unauthorized'],
    ];
    for (const [path, headers, status, code] of cases) {
      const res = await rig.call('GET', path, { headers });
      expect(res.status, `${path} ${JSON.stringify(headers)}: ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.headers['openpipes-proxy-source']).toBe('openpipes');
    }
    const missing = await rig.h.app.inject({
      method: 'GET',
      url: `/proxy/${SLUG}/x`,
      headers: { authorization: `Bearer ${rig.h.apiKey}` },
    });
    expect(missing.json().errors).toEqual([{ field: 'OpenPipes-User-Id', code: 'required' }]);
    expect(rig.stub.received).toEqual([]);
  });

  it('selects the connection as vend does: 409 for several, one by id, 403 needs_reauthorization, 422 without an API base URL', async () => {
    const tokens = (access: string, extra: Record<string, unknown> = {}) => ({
      access_token: access,
      refresh_token: `${access}-refresh`,
      expires_at: new Date(Date.now() + 3_000_000).toISOString(),
      ...extra,
    });
    const first = await rig.h.request('POST', `/user_management/users/user_two/connected_accounts/${SLUG}`, tokens('tok-two-a'));
    expect(first.status, first.text).toBe(201);
    const second = await rig.h.request(
      'POST',
      `/user_management/users/user_two/connected_accounts/${SLUG}`,
      tokens('tok-two-b', { connection_intent: 'add' }),
    );
    expect(second.status, second.text).toBe(201);
    const several = await rig.call('GET', `/proxy/${SLUG}/x`, { headers: { 'openpipes-user-id': 'user_two' } });
    expect(several.status).toBe(409);
    expect(several.json().code).toBe('account_selection_required');
    const chosen = await rig.call('GET', `/proxy/${SLUG}/x`, {
      headers: { 'openpipes-user-id': 'user_two', 'openpipes-connected-account-id': second.body.id },
    });
    expect(chosen.status, chosen.body).toBe(200);
    expect(rig.stub.received.map((r) => r.headers.authorization)).toEqual(['Bearer tok-two-b']);

    const dead = await rig.h.request(
      'POST',
      `/user_management/users/user_dead/connected_accounts/${SLUG}`,
      tokens('tok-dead', { state: 'needs_reauthorization' }),
    );
    expect(dead.status, dead.text).toBe(201);
    const reauth = await rig.call('GET', `/proxy/${SLUG}/x`, { headers: { 'openpipes-user-id': 'user_dead' } });
    expect(reauth.status).toBe(403);
    expect(reauth.json().code).toBe('needs_reauthorization');
    expect(reauth.headers['openpipes-proxy-source']).toBe('openpipes');

    const plain = await rig.h.request('POST', '/data-integrations', {
      provider: 'plain',
      auth_methods: ['api_key'],
      custom_provider: { name: 'Plain' },
      api_key: { user_id: USER, secret: 'plain-key-0123456789' },
    });
    expect(plain.status, plain.text).toBe(201);
    const unsupported = await rig.call('GET', '/proxy/plain/x');
    expect(unsupported.status).toBe(422);
    expect(unsupported.json().code).toBe('proxy_unsupported');
    expect(rig.stub.received).toHaveLength(1);
  });

  it('HEAD and OPTIONS pass through', async () => {
    rig.stub.answer((req, res) => res.writeHead(204, { 'x-method': req.method }).end());
    for (const method of ['HEAD', 'OPTIONS', 'PATCH', 'DELETE']) {
      const res = await rig.call(method, `/proxy/${SLUG}/thing`);
      expect(res.status, method).toBe(204);
      expect(res.headers['x-method']).toBe(method);
    }
  });

  it('a 401 from the provider → exactly one refresh and one retry with the new token', async () => {
    const stale = await currentToken(rig);
    rig.stub.answer((req, res) =>
      req.headers.authorization === `Bearer ${stale}` ? res.writeHead(401).end('expired') : res.writeHead(200).end(req.body ?? ''),
    );
    const res = await rig.call('PUT', `/proxy/${SLUG}/doc`, { payload: 'small body', headers: { 'content-type': 'text/plain' } });
    expect(res.status, res.body).toBe(200);
    expect(res.body).toBe('small body');
    expect(rig.stub.received.map((r) => r.body?.toString())).toEqual(['small body', 'small body']);
    expect(rig.oidc.counts.refreshGrants).toBe(1);
    expect(rig.oidc.counts.tokenRequests).toBe(1);
    const renewed = rig.stub.received[1]!.headers.authorization;
    expect(renewed).not.toBe(`Bearer ${stale}`);
    expect(renewed).toBe(`Bearer ${await currentToken(rig)}`);
  });

  it('a 401 after the renewal passes through (one retry only); a body over 64 KiB is not replayed', async () => {
    rig.stub.answer((_req, res) => res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('still no'));
    const res = await rig.call('GET', `/proxy/${SLUG}/doc`);
    expect(res.status).toBe(401);
    expect(res.body).toBe('still no');
    expect(res.headers['openpipes-proxy-source']).toBe('provider');
    expect(rig.stub.received).toHaveLength(2);
    expect(rig.oidc.counts.refreshGrants).toBe(1);

    rig.stub.answer((_req, res) => res.writeHead(401).end('no'));
    rig.oidc.resetCounts();
    const big = await rig.call('POST', `/proxy/${SLUG}/upload`, { payload: Buffer.alloc(64 * 1024 + 1, 0x61) });
    expect(big.status).toBe(401);
    expect(rig.stub.received).toHaveLength(1);
    expect(rig.stub.received[0]!.bodyBytes).toBe(64 * 1024 + 1);
    expect(rig.oidc.counts.tokenRequests).toBe(0);
  });

  it('OpenPipes-Retries: 2 on GET with two 503s then 200 → 200 after 3 calls; POST is never retried', async () => {
    rig.stub.answer((_req, res, n) => (n < 2 ? res.writeHead(503).end('down') : res.writeHead(200).end('up')));
    const res = await rig.call('GET', `/proxy/${SLUG}/flaky`, { headers: { 'openpipes-retries': '2' } });
    expect(res.status).toBe(200);
    expect(res.body).toBe('up');
    expect(rig.stub.received).toHaveLength(3);

    rig.stub.answer((_req, res) => res.writeHead(503).end('down'));
    const post = await rig.call('POST', `/proxy/${SLUG}/flaky`, { headers: { 'openpipes-retries': '2' }, payload: 'x' });
    expect(post.status).toBe(503);
    expect(rig.stub.received).toHaveLength(1);

    // A Retry-After over 10 s ends the retries: the caller gets the answer and decides.
    rig.stub.answer((_req, res) => res.writeHead(429, { 'retry-after': '60' }).end('later'));
    const later = await rig.call('GET', `/proxy/${SLUG}/flaky`, { headers: { 'openpipes-retries': '3' } });
    expect(later.status).toBe(429);
    expect(rig.stub.received).toHaveLength(1);
  });

  it('100 concurrent proxied calls on an expired token → exactly one refresh, all answered', async () => {
    await rig.h.db
      .updateTable('connected_accounts')
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', rig.accountId)
      .execute();
    const answers = await Promise.all(Array.from({ length: 100 }, () => rig.call('GET', `/proxy/${SLUG}/burst`)));
    expect(
      answers
        .filter((a) => a.status !== 200)
        .map((a) => a.body)
        .slice(0, 3),
    ).toEqual([]);
    expect(rig.stub.received).toHaveLength(100);
    expect(new Set(rig.stub.received.map((r) => r.headers.authorization)).size).toBe(1);
    expect(rig.oidc.counts.refreshGrants).toBe(1);
    expect(rig.oidc.counts.tokenRequests).toBe(1);
  });
});

/** The access token stored now, as the vend route answers it. */
async function currentToken(rig: ProxyRig): Promise<string> {
  const res = await rig.h.request('POST', `/data-integrations/${SLUG}/token`, { user_id: USER });
  expect(res.status, res.text).toBe(200);
  return res.body.access_token.access_token;
}
