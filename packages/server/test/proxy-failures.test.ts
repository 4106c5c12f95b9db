/**
 * Issue 12: what the proxy answers when the provider cannot be reached (the outbound guard refuses
 * its address, its name does not resolve, its port is closed, it never answers), and how credentials
 * are presented for the catalog's API-key providers. Nothing here depends on the store: SQLite only.
 */
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderCatalog } from '../src/catalog/catalog.ts';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { NO_TELEMETRY } from '../src/core/telemetry.ts';
import { attachCredential, withCredentialQuery } from '../src/proxy/proxy-credential.ts';
import { retryDelayMs } from '../src/proxy/proxy-retries.ts';
import { ProxyService } from '../src/proxy/proxy-service.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startStubApi, type StubApi } from './support/stub-api.ts';

const catalog = new ProviderCatalog(builtinProviders);
const provider = (slug: string) => catalog.get(slug)!;

/** api.openai.com resolves to loopback (the guard must refuse it); every other name is unknown. */
const lookup: LookupFunction = (hostname, options, callback) => {
  setImmediate(() => {
    if (hostname !== 'api.openai.com') return callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  });
};

describe('proxy failures', () => {
  let h: Harness;
  let stub: StubApi;
  const call = (slug: string, extra: Record<string, string> = {}) =>
    h.app.inject({
      method: 'GET',
      url: `/proxy/${slug}/models`,
      headers: { authorization: `Bearer ${h.apiKey}`, 'openpipes-user-id': 'user_f', ...extra },
    });

  beforeAll(async () => {
    stub = await startStubApi();
    h = await startHarness('sqlite', { lookup, metrics: { token: null } });
    for (const slug of ['openai', 'mapbox']) {
      const res = await h.request('POST', '/data-integrations', {
        provider: slug,
        auth_methods: ['api_key'],
        api_key: { user_id: 'user_f', secret: 'sk-proj-0123456789abcdef' },
      });
      expect(res.status, res.text).toBe(201);
    }
    // A custom provider is checked against the same rule: plain http to a local host needs the escape hatch.
    const local = await h.request('POST', '/data-integrations', {
      provider: 'local',
      auth_methods: ['api_key'],
      custom_provider: { name: 'Local', api_base_url: `${stub.origin}/v1` },
    });
    expect(local.status).toBe(422);
    expect(local.body.errors).toContainEqual({ field: 'custom_provider.api_base_url', code: 'https_required' });
  });
  afterAll(async () => {
    await h?.close();
    await stub?.close();
  });

  it('502 provider_unreachable when the API host resolves to an address the guard refuses', async () => {
    const res = await call('openai');
    expect(res.statusCode, res.body).toBe(502);
    expect(res.json().code).toBe('provider_unreachable');
    expect(res.json().message).not.toContain('sk-proj');
    expect(res.headers['openpipes-proxy-source']).toBe('openpipes');
  });

  it('502 when the name does not resolve, also after OpenPipes-Retries', async () => {
    const t0 = Date.now();
    const res = await call('mapbox', { 'openpipes-retries': '2' });
    expect(res.statusCode, res.body).toBe(502);
    expect(res.json().code).toBe('provider_unreachable');
    // Two backoffs (200 ms and 400 ms, ±20 %) were waited before giving up.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(480);
  });

  it('counts proxied calls by provider, source and status class, and retries, on /metrics', async () => {
    const text = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/openpipes_proxy_requests_total\{provider="openai",source="openpipes",status_class="5xx"\} 1\n/);
    expect(text).toMatch(/openpipes_proxy_requests_total\{provider="mapbox",source="openpipes",status_class="5xx"\} 1\n/);
    expect(text).toMatch(/openpipes_proxy_retries_total\{provider="mapbox",reason="retry"\} 2\n/);
    expect(text).toMatch(/openpipes_vends_total\{route="proxy",outcome="ok"\} 2\n/);
  });

  it('504 provider_timeout when the provider sends no headers in time', async () => {
    // The service as composed, on a harness that may reach the local stub, with a 300 ms deadline for the test.
    const local = await startHarness('sqlite', { allowInsecureProviderUrls: true });
    try {
      const created = await local.request('POST', '/data-integrations', {
        provider: 'slow',
        auth_methods: ['api_key'],
        custom_provider: { name: 'Slow', api_base_url: `${stub.origin}/v1` },
        api_key: { user_id: 'user_f', secret: 'slow-key-0123456789' },
      });
      expect(created.status, created.text).toBe(201);
      stub.answer(() => undefined);
      const proxy = new ProxyService({
        vending: local.deps.vending,
        refresh: { renew: async () => ({ kind: 'needs_reauthorization' }) },
        store: local.store,
        catalog,
        dispatcher: local.deps.outboundDispatcher,
        telemetry: NO_TELEMETRY,
        timeoutMs: 300,
      });
      const outcome = await proxy
        .forward({
          environmentId: local.environmentId,
          slug: 'slow',
          selection: { user_id: 'user_f' },
          retries: 0,
          method: 'GET',
          rest: '/slow',
          query: null,
          headers: {},
          body: null,
        })
        .then(
          () => 'answered',
          (e: { code?: string; status?: number }) => `${e.status} ${e.code}`,
        );
      expect(outcome).toBe('504 provider_timeout');
      expect(stub.received).toHaveLength(1);
    } finally {
      await local.close();
    }
  });
});

describe('credential presentation of the catalog’s API-key providers', () => {
  it('header with a scheme, plain header with extra headers, query parameter, Basic, and Bearer for OAuth', () => {
    expect(attachCredential(provider('replicate'), 'api_key', 'r8_key', {}).headers).toEqual({ authorization: 'Bearer r8_key' });
    expect(attachCredential(provider('datadog'), 'api_key', 'dd_key', { applicationKey: 'dd_app', host: 'api.datadoghq.com' })).toEqual({
      headers: { 'dd-api-key': 'dd_key', 'dd-application-key': 'dd_app' },
      query: null,
    });
    const sid = `SK${'0'.repeat(32)}`;
    expect(attachCredential(provider('twilio'), 'api_key', 'secret', { keySid: sid }).headers).toEqual({
      authorization: `Basic ${Buffer.from(`${sid}:secret`).toString('base64')}`,
    });
    const mapbox = attachCredential(provider('mapbox'), 'api_key', 'pk.abc', {});
    expect(mapbox).toEqual({ headers: {}, query: { name: 'access_token', value: 'pk.abc' } });
    // The caller's own access_token is dropped; the rest of the query stays byte for byte.
    const target = withCredentialQuery(new URL('https://api.mapbox.com/x?a=%2F&access_token=mine&b'), mapbox.query);
    expect(target.search).toBe('?a=%2F&b&access_token=pk.abc');
    expect(attachCredential(provider('github'), 'oauth', 'gho_x', {}).headers).toEqual({ authorization: 'Bearer gho_x' });
  });

  it('422 proxy_unsupported when a template names a value the connection lacks', () => {
    expect(() => attachCredential(provider('datadog'), 'api_key', 'dd_key', {})).toThrow(/has no "applicationKey"/);
  });

  it('waits Retry-After up to 10 s, else backs off exponentially with jitter', () => {
    expect(retryDelayMs(0, '2', 0)).toBe(2000);
    expect(retryDelayMs(0, '11', 0)).toBeNull();
    expect(retryDelayMs(0, new Date(5000).toUTCString(), 0)).toBe(5000);
    expect(retryDelayMs(2, undefined, 0, () => 0.5)).toBe(800);
    expect(retryDelayMs(0, undefined, 0, () => 0)).toBe(160);
    expect(retryDelayMs(0, undefined, 0, () => 1)).toBe(240);
  });
});
