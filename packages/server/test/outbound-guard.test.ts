import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isForbiddenAddress, isInternalHostname } from '../src/outbound/address-policy.ts';
import { createGuardedDispatcher, ForbiddenAddressError } from '../src/outbound/guarded-dispatcher.ts';
import { createGuardedLookup } from '../src/outbound/guarded-lookup.ts';
import { checkOutboundUrl } from '../src/outbound/url-guard.ts';

/**
 * The outbound destination guard (docs/security.md B): refused at configuration by what the URL
 * says, and refused at connection by the address actually connected. Only 127.0.0.1 is ever
 * contacted: names are mapped by injected lookups, and public answers are never connected to.
 */

const FLAG = 'OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true';
const check = (raw: string, allowInsecure = false) => checkOutboundUrl(raw, { allowInsecure, purpose: 'webhook endpoint URL' });

type Expected =
  | 'ok'
  | 'private_address'
  | 'internal_hostname'
  | 'https_required'
  | 'unsupported_scheme'
  | 'credentials_in_url'
  | 'invalid_url';

/** [URL as a tenant might type it, expected outcome without the insecure flag, note]. */
const TABLE: ReadonlyArray<readonly [string, Expected, string]> = [
  // Public destinations pass.
  ['https://example.com', 'ok', 'public name'],
  ['https://hooks.example.com:8443/openpipes?token=abc', 'ok', 'port, path and query'],
  ['https://EXAMPLE.com/', 'ok', 'upper case'],
  ['https://93.184.216.34', 'ok', 'public IPv4'],
  ['https://8.8.8.8/', 'ok', 'public IPv4'],
  ['https://1.1', 'ok', 'short form of public 1.0.0.1'],
  ['https://172.32.0.1', 'ok', 'just above 172.16/12'],
  ['https://[2606:4700::1111]', 'ok', 'public IPv6'],
  ['https://[2001:4860:4860::8888]/', 'ok', 'public IPv6'],
  ['https://internal.example.com', 'ok', '"internal" as a label, not the suffix'],
  ['https://localhost.example.com', 'ok', '"localhost" as a label, not the suffix'],
  // Loopback, in every spelling WHATWG parsing accepts.
  ['https://127.0.0.1', 'private_address', 'loopback'],
  ['https://127.255.255.254:8443/x', 'private_address', 'anywhere in 127/8'],
  ['https://2130706433', 'private_address', 'decimal IPv4'],
  ['https://0x7f.1', 'private_address', 'hex, short form'],
  ['https://0x7f000001', 'private_address', 'hex, one number'],
  ['https://017700000001', 'private_address', 'octal'],
  ['https://127.1', 'private_address', 'short form'],
  ['https://127.0.0.1.', 'private_address', 'trailing dot'],
  ['https://[::1]', 'private_address', 'IPv6 loopback'],
  ['https://[::ffff:127.0.0.1]', 'private_address', 'IPv4-mapped'],
  ['https://[0:0:0:0:0:ffff:7f00:1]', 'private_address', 'IPv4-mapped, hex'],
  ['https://[::127.0.0.1]', 'private_address', 'IPv4-compatible (deprecated)'],
  // Private, shared and link-local networks.
  ['https://10.0.0.1', 'private_address', '10/8'],
  ['https://10.255.255.255', 'private_address', '10/8, top'],
  ['https://172.16.0.1', 'private_address', '172.16/12'],
  ['https://172.31.255.255', 'private_address', '172.16/12, top'],
  ['https://192.168.1.1', 'private_address', '192.168/16'],
  ['https://100.64.0.1', 'private_address', 'CGNAT 100.64/10'],
  ['https://100.127.255.255', 'private_address', 'CGNAT, top'],
  ['https://169.254.169.254/latest/meta-data/', 'private_address', 'cloud metadata (link-local)'],
  ['https://[::ffff:169.254.169.254]', 'private_address', 'metadata, IPv4-mapped'],
  ['https://[fc00::1]', 'private_address', 'unique-local'],
  ['https://[fd12:3456::1]', 'private_address', 'unique-local fd'],
  ['https://[fe80::1]', 'private_address', 'IPv6 link-local'],
  ['https://[64:ff9b::a00:1]', 'private_address', 'NAT64 of 10.0.0.1'],
  // Multicast, broadcast, unspecified, reserved.
  ['https://224.0.0.1', 'private_address', 'IPv4 multicast'],
  ['https://[ff02::1]', 'private_address', 'IPv6 multicast'],
  ['https://255.255.255.255', 'private_address', 'broadcast'],
  ['https://0.0.0.0', 'private_address', 'unspecified'],
  ['https://0', 'private_address', 'unspecified, one number'],
  ['https://[::]', 'private_address', 'IPv6 unspecified'],
  ['https://192.0.2.1', 'private_address', 'documentation range'],
  ['https://240.0.0.1', 'private_address', 'reserved 240/4'],
  // Internal names, refused without asking DNS.
  ['https://localhost', 'internal_hostname', 'localhost'],
  ['https://localhost.', 'internal_hostname', 'trailing dot'],
  ['https://LOCALHOST:8080', 'internal_hostname', 'upper case'],
  ['https://%6c%6fcalhost', 'internal_hostname', 'percent-encoded'],
  ['https://ｌｏｃａｌｈｏｓｔ', 'internal_hostname', 'full-width letters (IDNA maps them)'],
  ['https://a.localhost', 'internal_hostname', '*.localhost'],
  ['https://metadata.google.internal/computeMetadata/v1/', 'internal_hostname', 'GCP metadata'],
  ['https://metadata.google.internal.', 'internal_hostname', 'GCP metadata, trailing dot'],
  ['https://foo.internal', 'internal_hostname', '*.internal'],
  // Scheme, credentials, syntax.
  ['http://example.com', 'https_required', 'plain http'],
  ['ftp://example.com', 'unsupported_scheme', 'ftp'],
  ['file:///etc/passwd', 'unsupported_scheme', 'file'],
  ['javascript:alert(1)', 'unsupported_scheme', 'javascript'],
  ['https://user:secret@example.com', 'credentials_in_url', 'user and password'],
  ['https://user@example.com', 'credentials_in_url', 'user only'],
  ['https://127.0.0.1:443@example.com', 'credentials_in_url', 'address-looking userinfo'],
  ['not a url', 'invalid_url', 'no scheme'],
  ['/relative/path', 'invalid_url', 'relative'],
  ['', 'invalid_url', 'empty'],
  ['https://', 'invalid_url', 'no host'],
  ['https://[::1', 'invalid_url', 'unclosed bracket'],
  ['https://256.0.0.1', 'invalid_url', 'IPv4 out of range'],
];

/** With the insecure flag: http and local hosts pass; what the flag does not cover is still refused. */
const INSECURE_TABLE: ReadonlyArray<readonly [string, Expected]> = [
  ['http://127.0.0.1:8080/hook', 'ok'],
  ['http://localhost:3000', 'ok'],
  ['https://[::1]', 'ok'],
  ['https://169.254.169.254', 'ok'],
  ['https://foo.internal', 'ok'],
  ['http://example.com', 'ok'],
  ['ftp://example.com', 'unsupported_scheme'],
  ['https://user:secret@localhost', 'credentials_in_url'],
  ['not a url', 'invalid_url'],
];

const outcome = (raw: string, allowInsecure: boolean): Expected => {
  const result = check(raw, allowInsecure);
  return result.ok ? 'ok' : (result.code as Expected);
};

describe('checkOutboundUrl (configuration time, no DNS)', () => {
  it('the table has at least 40 addresses and encodings', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%s → %s (%s)', (raw, expected) => {
    expect(outcome(raw, false)).toBe(expected);
  });

  it.each(INSECURE_TABLE)('with the insecure flag: %s → %s', (raw, expected) => {
    expect(outcome(raw, true)).toBe(expected);
  });

  it('returns the parsed URL when it passes', () => {
    const result = check('https://hooks.example.com/openpipes?x=1');
    expect(result.ok && result.url.href).toBe('https://hooks.example.com/openpipes?x=1');
  });

  it('gives one sentence that names the flag exactly when the flag would lift the refusal', () => {
    for (const [raw, expected] of TABLE) {
      const result = check(raw);
      if (result.ok) continue;
      expect(result.reason, raw).toMatch(/^The webhook endpoint URL .+\.$/);
      expect(result.reason, raw).not.toMatch(/\.\s/);
      const liftable = expected === 'https_required' || expected === 'private_address' || expected === 'internal_hostname';
      expect(result.reason.includes(FLAG), raw).toBe(liftable);
      expect(outcome(raw, true) === 'ok', raw).toBe(liftable);
    }
  });

  it('never repeats the path, query or credentials of the URL in its reason', () => {
    for (const raw of ['https://user:hunter2@example.com/x', 'https://10.0.0.1/hook?token=hunter2', 'http://example.com/?token=hunter2']) {
      const result = check(raw);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).not.toContain('hunter2');
    }
  });
});

describe('address policy', () => {
  it('allows public unicast only', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '2001:4860:4860::8888'])
      expect(isForbiddenAddress(ip), ip).toBe(false);
    for (const ip of [
      '127.0.0.1',
      '::1',
      '[::1]',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '169.254.169.254',
      'fe80::1%eth0',
      'fd00::1',
      '0.0.0.0',
      '::',
      '::7f00:1',
    ]) {
      expect(isForbiddenAddress(ip), ip).toBe(true);
    }
  });

  it('fails closed on text that is not an address', () => {
    for (const text of ['', 'example.com', '1.2.3.4.5', '::g']) expect(isForbiddenAddress(text), text).toBe(true);
  });

  it('names internal host names by suffix, whatever the case and trailing dots', () => {
    for (const host of ['localhost', 'LocalHost.', 'a.b.localhost', 'internal', 'metadata.google.internal', 'x.internal..'])
      expect(isInternalHostname(host), host).toBe(true);
    for (const host of ['example.com', 'localhost.example.com', 'internal.example.com', 'mylocalhost', 'notinternal'])
      expect(isInternalHostname(host), host).toBe(false);
  });
});

// ─── connection time ─────────────────────────────────────────────────────────────────────────

/** A lookup that answers each call with the next entry of `answers` (the last one repeats), asynchronously like dns.lookup. */
const fakeLookup = (...answers: string[][]): LookupFunction & { calls: string[] } => {
  const calls: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    const answer = answers[Math.min(calls.length, answers.length - 1)]!;
    calls.push(hostname);
    const addresses = answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    setImmediate(() => {
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  return Object.assign(lookup, { calls });
};
const fakeLookupReturning = (...addresses: string[]) => fakeLookup(addresses);

/** The `cause` of undici's `TypeError: fetch failed`. */
const failure = async (request: Promise<unknown>): Promise<Error> => {
  const error = await request.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as Error & { cause?: unknown },
  );
  expect(error).toBeInstanceOf(TypeError);
  return (error as { cause?: unknown }).cause as Error;
};

describe('createGuardedDispatcher (connection time)', () => {
  let server: Server;
  let port: number;
  let requests: number;
  const dispatchers: { close(): Promise<void> }[] = [];
  const guarded = (opts: Parameters<typeof createGuardedDispatcher>[0]) => {
    const dispatcher = createGuardedDispatcher(opts);
    dispatchers.push(dispatcher);
    return dispatcher;
  };

  beforeEach(async () => {
    requests = 0;
    server = createServer((_req, res) => {
      requests += 1;
      res.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.close()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses a name that resolves to loopback, naming the host but not the URL, and nothing reaches the server', async () => {
    const lookup = fakeLookupReturning('127.0.0.1');
    const dispatcher = guarded({ allowInsecure: false, lookup });
    const cause = await failure(fetch(`http://public.example:${port}/hook?token=hunter2`, { dispatcher }));
    expect(cause).toBeInstanceOf(ForbiddenAddressError);
    expect(cause.message).toContain('public.example');
    expect(cause.message).toContain('127.0.0.1');
    expect(cause.message).toContain(FLAG);
    expect(cause.message).not.toContain('hunter2');
    expect(cause.message).not.toContain('/hook');
    expect(lookup.calls).toEqual(['public.example']);
    expect(requests).toBe(0);
  });

  it('refuses a name when any one of its addresses is forbidden, even after public ones', async () => {
    // Checked on the lookup itself: a broken guard must not make this test connect anywhere public.
    const guardedLookup = createGuardedLookup({
      allowInsecure: false,
      lookup: fakeLookupReturning('93.184.216.34', '2606:4700::1111', '10.0.0.5'),
    });
    const error = await new Promise<unknown>((resolve) => guardedLookup('mixed.example', { all: true }, (err) => resolve(err)));
    expect(error).toBeInstanceOf(ForbiddenAddressError);
    expect((error as ForbiddenAddressError).address).toBe('10.0.0.5');
    expect((error as ForbiddenAddressError).host).toBe('mixed.example');
  });

  it('DNS rebinding: a name that was public when checked and private when connected is refused on that connect', async () => {
    const lookup = fakeLookup(['93.184.216.34'], ['127.0.0.1']);
    // First answer: what a check-then-fetch validator would have seen, and the guard accepts it.
    const seen = await new Promise<unknown>((resolve, reject) =>
      createGuardedLookup({ allowInsecure: false, lookup })('rebind.example', { all: true }, (err, addresses) =>
        err ? reject(err) : resolve(addresses),
      ),
    );
    expect(seen).toEqual([{ address: '93.184.216.34', family: 4 }]);
    // Second answer, at connection time: the private address the socket would use is refused.
    const dispatcher = guarded({ allowInsecure: false, lookup });
    const cause = await failure(fetch(`http://rebind.example:${port}/`, { dispatcher }));
    expect(cause).toBeInstanceOf(ForbiddenAddressError);
    expect((cause as ForbiddenAddressError).address).toBe('127.0.0.1');
    expect(lookup.calls).toEqual(['rebind.example', 'rebind.example']);
    expect(requests).toBe(0);
  });

  it('refuses IP-literal hosts, which Node connects to without a lookup', async () => {
    const lookup = fakeLookupReturning('93.184.216.34');
    const dispatcher = guarded({ allowInsecure: false, lookup });
    for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::1]']) {
      const cause = await failure(fetch(`http://${host}:${port}/`, { dispatcher }));
      expect(cause, host).toBeInstanceOf(ForbiddenAddressError);
    }
    expect(lookup.calls).toEqual([]);
    expect(requests).toBe(0);
  });

  it('checks what the system resolver answers when no lookup is injected (localhost from the hosts file)', async () => {
    const dispatcher = guarded({ allowInsecure: false });
    const cause = await failure(fetch(`http://localhost:${port}/`, { dispatcher }));
    expect(cause).toBeInstanceOf(ForbiddenAddressError);
    expect(requests).toBe(0);
  });

  it('passes resolver errors through unchanged', async () => {
    const lookup: LookupFunction = (hostname, _options, callback) =>
      setImmediate(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []));
    const dispatcher = guarded({ allowInsecure: false, lookup });
    const cause = await failure(fetch(`http://nowhere.example:${port}/`, { dispatcher }));
    expect(cause).not.toBeInstanceOf(ForbiddenAddressError);
    expect((cause as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
    expect(requests).toBe(0);
  });

  it('answers in the single-address form when the caller does not ask for all', async () => {
    const guardedLookup = createGuardedLookup({ allowInsecure: false, lookup: fakeLookupReturning('2606:4700::1111', '93.184.216.34') });
    const answer = await new Promise<unknown[]>((resolve, reject) =>
      guardedLookup('public.example', { all: false }, (err, address, family) => (err ? reject(err) : resolve([address, family]))),
    );
    expect(answer).toEqual(['2606:4700::1111', 6]);
  });

  it('with allowInsecure, the same request reaches the local server', async () => {
    const lookup = fakeLookupReturning('127.0.0.1');
    const dispatcher = guarded({ allowInsecure: true, lookup });
    const response = await fetch(`http://public.example:${port}/`, { dispatcher });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('reached');
    expect(lookup.calls).toEqual(['public.example']);
    expect(requests).toBe(1);
  });
});
