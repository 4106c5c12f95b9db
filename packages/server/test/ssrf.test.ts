/**
 * Issue 9, finding 3 (docs/security.md B) on the provider side: custom provider URLs that point at
 * the service's own host, its private network or a metadata endpoint are refused when configured
 * (422 naming the field and, where it would lift the refusal, OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS),
 * and every call to a provider (code exchange, refresh, client credentials, revocation; custom and
 * built-in providers) goes through the guarded dispatcher, which judges the address actually
 * connected. Names are mapped by an injected lookup; a local "trap" server counts the TCP
 * connections the guard must prevent. The address-policy unit table is test/outbound-guard.test.ts.
 */
import { type AddressInfo, createServer, type LookupFunction, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationFailed } from '../src/core/errors.ts';
import { describeError } from '../src/dashboard/problems.ts';
import { OAuthHttpClient } from '../src/oauth/http-client.ts';
import { createGuardedDispatcher } from '../src/outbound/guarded-dispatcher.ts';
import { guardedFetch } from '../src/outbound/guarded-fetch.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { browse, openAndContinue } from './support/connect-flow.ts';
import { DIALECTS } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { startScriptedTokenServer, type ScriptedTokenServer } from './support/scripted-token-server.ts';

const FLAG = 'OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS';
const RETURN_TO = 'https://app.example.com/done';
const FAILED_EVENT = 'pipes.connected_account.connection_failed';

type Code = 'private_address' | 'internal_hostname' | 'https_required' | 'credentials_in_url' | 'unsupported_scheme';

/**
 * [URL as a tenant might type it, the 422 code, what the name would resolve to where it is internal].
 * Every spelling below is what WHATWG parsing (ours and undici's) turns into the host shown in the note.
 */
const REFUSED: ReadonlyArray<readonly [string, Code, string]> = [
  ['https://127.0.0.1/token', 'private_address', 'loopback'],
  ['https://127.8.9.10:8443/token', 'private_address', 'anywhere in 127/8, with a port'],
  ['https://2130706433/token', 'private_address', 'decimal → 127.0.0.1'],
  ['https://0x7f000001/token', 'private_address', 'hex, one number'],
  ['https://0x7f.1/token', 'private_address', 'hex, short form'],
  ['https://0x7F.0.0.1/token', 'private_address', 'hex first part, upper case'],
  ['https://017700000001/token', 'private_address', 'octal, one number'],
  ['https://0177.0.0.1/token', 'private_address', 'octal first part'],
  ['https://127.1/token', 'private_address', 'two parts'],
  ['https://127.0.1/token', 'private_address', 'three parts (mixed dots)'],
  ['https://127.0.0.1./token', 'private_address', 'trailing dot'],
  ['https://%31%32%37.0.0.1/token', 'private_address', 'percent-encoded digits'],
  ['https://１２７.０.０.１/token', 'private_address', 'full-width digits (IDNA maps them)'],
  ['https://127。0。0。1/token', 'private_address', 'ideographic full stops'],
  ['https://127.0.0.1\\@good.example/token', 'private_address', 'backslash: the host is 127.0.0.1'],
  ['https:\\\\127.0.0.1\\token', 'private_address', 'backslashes for slashes'],
  ['https://127.0.0.1#@good.example', 'private_address', 'fragment trick'],
  ['https://127.0.0.1?@good.example', 'private_address', 'query trick'],
  ['https://[::1]/token', 'private_address', 'IPv6 loopback'],
  ['https://[::ffff:127.0.0.1]/token', 'private_address', 'IPv4-mapped'],
  ['https://[::ffff:7f00:1]/token', 'private_address', 'IPv4-mapped, hex'],
  ['https://[0:0:0:0:0:ffff:127.0.0.1]/token', 'private_address', 'IPv4-mapped, long form'],
  ['https://[::127.0.0.1]/token', 'private_address', 'IPv4-compatible (deprecated)'],
  ['https://[64:ff9b::7f00:1]/token', 'private_address', 'NAT64 of 127.0.0.1'],
  ['https://[2002:7f00:1::]/token', 'private_address', '6to4 of 127.0.0.1'],
  ['https://10.0.0.1/token', 'private_address', '10/8'],
  ['https://172.16.0.1/token', 'private_address', '172.16/12'],
  ['https://192.168.1.1/token', 'private_address', '192.168/16'],
  ['https://100.64.0.1/token', 'private_address', 'CGNAT 100.64/10'],
  ['https://169.254.169.254/latest/meta-data/', 'private_address', 'cloud metadata'],
  ['https://169.254.169.254./token', 'private_address', 'cloud metadata, trailing dot'],
  ['https://[::ffff:a9fe:a9fe]/token', 'private_address', 'cloud metadata, IPv4-mapped hex'],
  ['https://[fd00:ec2::254]/token', 'private_address', 'AWS IPv6 metadata (unique-local)'],
  ['https://[fe80::1]/token', 'private_address', 'IPv6 link-local'],
  ['https://[fc00::1]/token', 'private_address', 'unique-local'],
  ['https://0.0.0.0/token', 'private_address', 'unspecified'],
  ['https://0/token', 'private_address', 'unspecified, one number'],
  ['https://[::]/token', 'private_address', 'IPv6 unspecified'],
  ['https://255.255.255.255/token', 'private_address', 'broadcast'],
  ['https://224.0.0.251/token', 'private_address', 'multicast (mDNS)'],
  ['https://[ff02::1]/token', 'private_address', 'IPv6 multicast'],
  ['https://198.18.0.1/token', 'private_address', 'benchmarking 198.18/15'],
  ['https://localhost/token', 'internal_hostname', 'localhost'],
  ['https://localhost./token', 'internal_hostname', 'localhost, trailing dot'],
  ['https://LOCALHOST:8443/token', 'internal_hostname', 'upper case'],
  ['https://foo.localhost/token', 'internal_hostname', '*.localhost'],
  ['https://%6c%6fcalhost/token', 'internal_hostname', 'percent-encoded'],
  ['https://ｌｏｃａｌｈｏｓｔ/token', 'internal_hostname', 'full-width letters (IDNA)'],
  ['https://ⓛocalhost/token', 'internal_hostname', 'circled letter (IDNA)'],
  ['https://localhost。/token', 'internal_hostname', 'ideographic full stop as trailing dot'],
  ['https://metadata.google.internal/computeMetadata/v1/', 'internal_hostname', 'GCP metadata'],
  ['https://metadata.google.internal./token', 'internal_hostname', 'GCP metadata, trailing dot'],
  ['https://METADATA.GOOGLE.INTERNAL/token', 'internal_hostname', 'GCP metadata, upper case'],
  ['https://metadata。google。internal/token', 'internal_hostname', 'GCP metadata, ideographic dots'],
  ['https://db.internal/token', 'internal_hostname', '*.internal'],
  ['https://good.example@127.0.0.1/token', 'credentials_in_url', 'userinfo trick: the host is 127.0.0.1'],
  ['https://user:hunter2@idp.example.test/token', 'credentials_in_url', 'credentials in the URL'],
  ['http://127.0.0.1:9/token', 'https_required', 'plain http to loopback'],
  ['http://idp.example.test/token', 'https_required', 'plain http'],
  ['ftp://idp.example.test/token', 'unsupported_scheme', 'not http at all'],
];

/** Public destinations, accepted as they are (no DNS is asked at configuration). */
const ACCEPTED = [
  'https://github.com/login/oauth/access_token',
  'https://oauth2.googleapis.com/token',
  'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  'https://8.8.8.8/token',
  'https://[2606:4700::1111]/token',
  'https://localhost.example.com/token',
  'https://internal.example.com/token',
  'https://idp.example.test/token',
  'https://good.example\\@127.0.0.1/token', // WHATWG: host good.example, path /@127.0.0.1/token
];

const URL_FIELDS = ['token_url', 'authorization_url', 'refresh_token_url', 'revocation_url'] as const;
const LIFTED_BY_FLAG = new Set<Code>(['private_address', 'internal_hostname', 'https_required']);

/** What an internal name resolves to where it means something (the connection-time half of the table). */
const INTERNAL_ANSWERS: Record<string, string> = {
  localhost: '127.0.0.1',
  'foo.localhost': '::1',
  'metadata.google.internal': '169.254.169.254',
  'db.internal': '10.0.0.5',
};

/** A resolver the test controls: `answers[host]`, or ENOTFOUND; it records every name asked. */
function scriptedLookup(answers: Record<string, string[]>): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    calls.push(hostname);
    const found = answers[hostname.toLowerCase().replace(/\.$/, '')];
    setImmediate(() => {
      if (!found) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
      const all = found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
      if (options.all) callback(null, all);
      else callback(null, all[0]!.address, all[0]!.family);
    });
  };
  return Object.assign(lookup, { calls });
}

/** Saves a client-credentials connection for `userId` (R18), which asks the provider for a token first. */
const saveClientCredentials = (h: Harness, slug: string, userId: string) =>
  h.request('PUT', `/data-integrations/${slug}/client-credentials`, {
    user_id: userId,
    client_id: `${slug}-client`,
    client_secret: `${slug}-secret-value`,
  });

/** A TCP server on 127.0.0.1 that only counts connections: any connection means the guard let one through. */
async function startTrap(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

describe('custom provider URLs at configuration (no DNS)', () => {
  it('the table has at least 40 refused addresses and encodings', () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(40);
  });

  it('the dashboard explains https_required with the flag that lifts it (finding 13)', () => {
    const problem = describeError(validationFailed('x', [{ field: 'custom_provider.token_url', code: 'https_required' }]));
    expect(problem.fields[0]).toContain(`${FLAG}=true`);
  });
});

describe.each(DIALECTS)('SSRF guard on provider URLs on %s', (dialect) => {
  let h: Harness;
  let trap: Awaited<ReturnType<typeof startTrap>>;
  const answers: Record<string, string[]> = {};
  const lookup = scriptedLookup(answers);
  let origin: string;

  const create = (body: Record<string, unknown>) => h.request('POST', '/data-integrations', body);
  const customOauth = (slug: string, urls: Partial<Record<(typeof URL_FIELDS)[number], string>>) => ({
    provider: slug,
    enabled: true,
    credentials: { type: 'custom', client_id: `${slug}-client`, client_secret: `${slug}-secret-value` },
    custom_provider: {
      name: `Custom ${slug}`,
      authorization_url: 'https://idp.example.test/authorize',
      token_url: 'https://idp.example.test/token',
      ...urls,
    },
  });
  const accountsOf = (slug: string) =>
    h.db
      .selectFrom('connected_accounts as ca')
      .innerJoin('data_integrations as di', 'di.id', 'ca.integration_id')
      .select(['ca.id', 'ca.user_id', 'ca.state'])
      .where('di.slug', '=', slug)
      .execute();
  const failures = async (slug: string, userId: string) => {
    const res = await h.request('GET', `/events?events=${FAILED_EVENT}&limit=100`);
    expect(res.status, res.text).toBe(200);
    return (res.body.data as any[]).filter((e) => e.data.provider_slug === slug && e.data.user_id === userId);
  };

  beforeAll(async () => {
    trap = await startTrap();
    origin = `https://idp.example.test:${trap.port}`;
    h = await startHarness(dialect, { lookup });
    for (const body of [
      customOauth('idp', { authorization_url: `${origin}/authorize`, token_url: `${origin}/token`, revocation_url: `${origin}/revoke` }),
      {
        provider: 'idp-cc',
        auth_methods: ['client_credentials'],
        enabled: true,
        custom_provider: { name: 'Custom idp-cc', token_url: `${origin}/token` },
      },
      { provider: 'github', enabled: true, credentials: { type: 'custom', client_id: 'gh-client', client_secret: 'gh-secret-value' } },
    ]) {
      const res = await create(body);
      expect(res.status, res.text).toBe(201);
    }
  });

  afterAll(async () => {
    await h?.close();
    await trap?.close();
  });

  describe('at configuration: 422 naming the field, and the flag where it would help', () => {
    it.each(REFUSED.map(([url, code, note], i) => [url, code, note, URL_FIELDS[i % URL_FIELDS.length]!] as const))(
      '%s → %s (%s) in %s',
      async (url, code, _note, field) => {
        const slug = `refused-${dialect}`;
        const res = await create(customOauth(slug, { [field]: url }));
        expect(res.status, res.text).toBe(422);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors).toEqual([{ field: `custom_provider.${field}`, code }]);
        expect(res.body.message).toContain(`custom_provider.${field}`);
        expect(res.body.message.includes(FLAG), res.body.message).toBe(LIFTED_BY_FLAG.has(code));
        expect(res.text).not.toContain('hunter2');
        expect(res.text).not.toContain('meta-data');
        expect((await h.request('GET', `/data-integrations/${slug}`)).status).toBe(404);
      },
    );

    it.each(ACCEPTED)('%s is accepted', async (url) => {
      const slug = `ok-${ACCEPTED.indexOf(url)}`;
      const res = await create(customOauth(slug, { token_url: url, revocation_url: url }));
      expect(res.status, res.text).toBe(201);
      expect((await h.request('DELETE', `/data-integrations/${slug}`)).status).toBe(204);
    });

    it('an update is checked the same way and leaves the definition as it was', async () => {
      const res = await h.request('PUT', '/data-integrations/idp', {
        custom_provider: { revocation_url: 'https://[::ffff:7f00:1]/revoke' },
      });
      expect(res.status, res.text).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'custom_provider.revocation_url', code: 'private_address' }]);
      expect(res.body.message).toContain(FLAG);
      const now = await h.request('GET', '/data-integrations/idp');
      expect(now.body.custom_provider.revocation_url).toBe(`${origin}/revoke`);
    });

    it('no name was resolved to decide any of it', () => {
      expect(lookup.calls).toEqual([]);
    });
  });

  describe('at connection time: the address actually connected is judged', () => {
    /** Name → addresses for idp.example.test; none of them may be connected to. */
    const RESOLVED: ReadonlyArray<readonly [string, string[]]> = [
      ['loopback', ['127.0.0.1']],
      ['private 10/8', ['10.0.0.5']],
      ['cloud metadata', ['169.254.169.254']],
      ['IPv6 loopback', ['::1']],
      ['public and private mixed', ['93.184.216.34', '127.0.0.1']],
    ];

    it.each(RESOLVED)('code exchange: idp.example.test → %s is refused, recorded, and nothing connects', async (_label, addresses) => {
      answers['idp.example.test'] = addresses;
      const userId = `user_${addresses.join('_').replace(/[.:]/g, '-')}`;
      const link = await h.request('POST', '/data-integrations/idp/authorize', { user_id: userId, return_to: RETURN_TO });
      expect(link.status, link.text).toBe(200);
      const jar = new CookieJar();
      const provider = new URL(await openAndContinue(h, jar, link.body.url));
      expect(provider.origin).toBe(origin);
      const callback = new URL(provider.searchParams.get('redirect_uri')!);
      callback.search = new URLSearchParams({ code: 'code-from-provider', state: provider.searchParams.get('state')! }).toString();
      const calls = lookup.calls.length;

      const final = await browse(h, jar, 'GET', callback.href);
      expect(final.status, final.body).toBe(303);
      const back = new URL(final.location!);
      expect(`${back.origin}${back.pathname}`).toBe(RETURN_TO);
      expect(back.searchParams.get('error')).toBe('token_exchange_failed');
      expect(lookup.calls.slice(calls)).toContain('idp.example.test');
      expect(trap.connections()).toBe(0);
      expect((await accountsOf('idp')).filter((a) => a.user_id === userId)).toEqual([]);
      const failed = await failures('idp', userId);
      expect(failed).toHaveLength(1);
      expect(failed[0].data).toMatchObject({ error_code: 'token_exchange_failed', provider_error: null });
      expect(failed[0].data.error_reason).toContain(FLAG);
      for (const address of addresses) expect(JSON.stringify(failed[0])).not.toContain(address);
    });

    it('a built-in provider goes through the same guard (github.com → 127.0.0.1)', async () => {
      answers['github.com'] = ['127.0.0.1'];
      const link = await h.request('POST', '/data-integrations/github/authorize', { user_id: 'user_gh' });
      const jar = new CookieJar();
      const provider = new URL(await openAndContinue(h, jar, link.body.url));
      expect(provider.host).toBe('github.com');
      const callback = new URL(provider.searchParams.get('redirect_uri')!);
      callback.search = new URLSearchParams({ code: 'gh-code', state: provider.searchParams.get('state')! }).toString();
      const final = await browse(h, jar, 'GET', callback.href);
      expect(final.status, final.body).toBe(400);
      expect(final.body).toContain(FLAG);
      expect(lookup.calls).toContain('github.com');
      expect(await accountsOf('github')).toEqual([]);
      expect((await failures('github', 'user_gh'))[0].data.error_reason).toContain(FLAG);
    });

    it('client credentials: 503 provider_unavailable naming the flag, an event, no connection', async () => {
      answers['idp.example.test'] = ['169.254.169.254'];
      const res = await saveClientCredentials(h, 'idp-cc', 'user_cc');
      expect(res.status, res.text).toBe(503);
      expect(res.body.code).toBe('provider_unavailable');
      expect(res.body.message).toContain(FLAG);
      expect(res.text).not.toContain('169.254');
      expect(res.text).not.toContain('idp-cc-secret');
      expect(await accountsOf('idp-cc')).toEqual([]);
      expect(await failures('idp-cc', 'user_cc')).toHaveLength(1);
      expect(trap.connections()).toBe(0);
    });

    it('a URL stored before this check (an IP literal) is refused when connecting, without any lookup', async () => {
      const stored = await h.store.customProviders.bySlug(h.environmentId, 'idp-cc');
      const definition = { ...stored!.definition, token_url: `https://127.0.0.1:${trap.port}/token` };
      await h.store.customProviders.update(stored!.id, definition, new Date().toISOString());
      const calls = lookup.calls.length;
      try {
        const res = await saveClientCredentials(h, 'idp-cc', 'user_legacy');
        expect(res.status, res.text).toBe(503);
        expect(res.body.message).toContain(FLAG);
        expect(lookup.calls.length).toBe(calls);
        expect(trap.connections()).toBe(0);
      } finally {
        await h.store.customProviders.update(stored!.id, stored!.definition, new Date().toISOString());
      }
    });

    it('refresh: an expired token whose provider resolves to ::1 gets a 503, the connection is left as it was', async () => {
      answers['idp.example.test'] = ['::1'];
      const imported = await h.request('POST', '/user_management/users/user_refresh/connected_accounts/idp', {
        access_token: 'at-expired',
        refresh_token: 'rt-still-good',
        expires_at: new Date(Date.now() - 60_000).toISOString(),
        scopes: [],
      });
      expect(imported.status, imported.text).toBe(201);
      const calls = lookup.calls.length;
      const vend = await h.request('POST', '/data-integrations/idp/token', { user_id: 'user_refresh' });
      expect(vend.status, vend.text).toBe(503);
      expect(vend.body.code).toBe('provider_unavailable');
      expect(lookup.calls.slice(calls)).toContain('idp.example.test');
      expect(trap.connections()).toBe(0);
      expect((await accountsOf('idp')).filter((a) => a.user_id === 'user_refresh')).toMatchObject([{ state: 'connected' }]);
    });

    it('revocation: the disconnect still erases the connection, and the refused call connects nowhere', async () => {
      answers['idp.example.test'] = ['10.0.0.5'];
      const calls = lookup.calls.length;
      const res = await h.request('DELETE', '/user_management/users/user_refresh/connected_accounts/idp');
      expect(res.status, res.text).toBe(204);
      expect(lookup.calls.slice(calls)).toContain('idp.example.test');
      expect(trap.connections()).toBe(0);
      expect((await accountsOf('idp')).filter((a) => a.user_id === 'user_refresh')).toEqual([]);
    });
  });
});

describe('the same table when connecting, through the service’s guarded fetch and OAuth HTTP client', () => {
  const lookup = scriptedLookup(Object.fromEntries(Object.entries(INTERNAL_ANSWERS).map(([name, address]) => [name, [address]])));
  const dispatcher = createGuardedDispatcher({ allowInsecure: false, lookup });
  const http = new OAuthHttpClient({ fetch: guardedFetch(dispatcher), timeoutMs: 3_000 });
  const connectable = REFUSED.filter(([, code]) => code === 'private_address' || code === 'internal_hostname');

  afterAll(() => dispatcher.close());

  it('covers at least 40 addresses and encodings', () => {
    expect(connectable.length).toBeGreaterThanOrEqual(40);
  });

  it.each(connectable)('%s is refused before connecting (%s: %s)', async (url) => {
    const res = await http.send({ url, method: 'POST', headers: {}, body: 'grant_type=client_credentials' });
    expect(res).toEqual({ ok: false, reason: 'forbidden_address', detail: 'ForbiddenAddressError' });
  });

  it.each([
    ['10.0.0.5'],
    ['192.168.0.10'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['::'],
    ['fe80::1'],
    ['fd00:ec2::254'],
    ['::ffff:10.0.0.5'],
    ['64:ff9b::a9fe:a9fe'],
    ['2002:a9fe:a9fe::'],
  ])('a public-looking name that resolves to %s is refused', async (address) => {
    const named = scriptedLookup({ 'api.provider.example': [address] });
    const guarded = createGuardedDispatcher({ allowInsecure: false, lookup: named });
    const res = await new OAuthHttpClient({ fetch: guardedFetch(guarded), timeoutMs: 3_000 }).send({
      url: 'https://api.provider.example/token',
      method: 'POST',
      headers: {},
      body: 'grant_type=client_credentials',
    });
    await guarded.close();
    expect(res).toMatchObject({ ok: false, reason: 'forbidden_address' });
    expect(named.calls).toEqual(['api.provider.example']);
  });
});

describe.each(DIALECTS)('with %s and OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true', (dialect) => {
  let h: Harness;
  let server: ScriptedTokenServer;
  const lookup = scriptedLookup({ 'idp.example.test': ['127.0.0.1'] });

  beforeAll(async () => {
    server = await startScriptedTokenServer();
    h = await startHarness(dialect, { allowInsecureProviderUrls: true, lookup });
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('local URLs are accepted, and the same guarded path reaches the local server', async () => {
    const port = new URL(server.url).port;
    const created = await h.request('POST', '/data-integrations', {
      provider: 'local-cc',
      auth_methods: ['client_credentials'],
      enabled: true,
      custom_provider: { name: 'Local', token_url: `http://idp.example.test:${port}/token` },
    });
    expect(created.status, created.text).toBe(201);
    for (const url of ['https://127.0.0.1/token', 'https://[::1]/token', 'https://metadata.google.internal/token']) {
      const res = await h.request('PUT', '/data-integrations/local-cc', { custom_provider: { revocation_url: url } });
      expect(res.status, `${url}: ${res.text}`).toBe(200);
    }
    const res = await saveClientCredentials(h, 'local-cc', 'user_local');
    expect(res.status, res.text).toBe(200);
    expect(res.body.state).toBe('connected');
    expect(server.count('/token')).toBe(1);
    expect(lookup.calls).toContain('idp.example.test');
  });
});
