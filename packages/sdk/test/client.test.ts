import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenPipes, OpenPipesError, USER_AGENT, VERSION } from '../src/index.js';
import { fakeFetch, wireDataIntegration } from './helpers.js';

const ENV_KEYS = ['OPENPIPES_API_KEY', 'OPENPIPES_BASE_URL'] as const;
const saved: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};

beforeEach(() => {
  for (const k of ENV_KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('OpenPipes construction', () => {
  it('throws a clear OpenPipesError when there is no API key at all', () => {
    let error: unknown;
    try {
      new OpenPipes(undefined, { baseUrl: 'http://127.0.0.1:1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpenPipesError);
    expect((error as OpenPipesError).code).toBe('missing_api_key');
    expect((error as OpenPipesError).message).toContain('OPENPIPES_API_KEY');
  });

  it('an empty string key also counts as missing', () => {
    expect(() => new OpenPipes('')).toThrow(OpenPipesError);
  });

  it('reads the key (and base URL) from the environment when omitted', async () => {
    process.env.OPENPIPES_API_KEY = 'sk_from_env';
    process.env.OPENPIPES_BASE_URL = 'http://env-host:9999';
    const { fetch, calls } = fakeFetch([{ body: wireDataIntegration('data_integration_1') }]);
    const op = new OpenPipes(undefined, { fetch });
    await op.pipes.getDataIntegration('github');
    expect(calls[0]!.url).toBe('http://env-host:9999/data-integrations/github');
    expect(calls[0]!.headers.Authorization).toBe('Bearer sk_from_env');
  });

  it('an explicit key wins over the environment; options-object form works too', async () => {
    process.env.OPENPIPES_API_KEY = 'sk_from_env';
    const { fetch, calls } = fakeFetch([
      { body: wireDataIntegration('data_integration_1') },
      { body: wireDataIntegration('data_integration_1') },
    ]);
    await new OpenPipes('sk_explicit', { baseUrl: 'http://a.test', fetch }).pipes.getDataIntegration('x');
    await new OpenPipes({ apiKey: 'sk_object', baseUrl: 'http://a.test', fetch }).pipes.getDataIntegration('x');
    expect(calls.map((c) => c.headers.Authorization)).toStrictEqual(['Bearer sk_explicit', 'Bearer sk_object']);
  });

  it('defaults to http://127.0.0.1:8080 and keeps a base-URL path prefix', async () => {
    const { fetch, calls } = fakeFetch([
      { body: wireDataIntegration('data_integration_1') },
      { body: wireDataIntegration('data_integration_1') },
    ]);
    const a = new OpenPipes('sk_1', { fetch });
    const b = new OpenPipes('sk_1', { fetch, baseUrl: 'https://gw.example.com/pipes/' });
    expect(a.baseUrl).toBe('http://127.0.0.1:8080');
    expect(b.baseUrl).toBe('https://gw.example.com/pipes');
    await a.pipes.getDataIntegration('github');
    await b.pipes.getDataIntegration('github');
    expect(calls.map((c) => c.url)).toStrictEqual([
      'http://127.0.0.1:8080/data-integrations/github',
      'https://gw.example.com/pipes/data-integrations/github',
    ]);
  });

  it('rejects an invalid baseUrl', () => {
    expect(() => new OpenPipes('sk_1', { baseUrl: 'not a url' })).toThrow(/Invalid baseUrl/);
    expect(() => new OpenPipes('sk_1', { baseUrl: 'ftp://x.test' })).toThrow(OpenPipesError);
  });

  it('exposes the three resources and the version', () => {
    const op = new OpenPipes('sk_1', { fetch: fakeFetch([]).fetch });
    expect(typeof op.pipes.listProviders).toBe('function');
    expect(typeof op.events.listEvents).toBe('function');
    expect(typeof op.catalog.getProvider).toBe('function');
    expect(VERSION).toBe('0.1.0');
    expect(USER_AGENT).toBe('openpipes-node/0.1.0');
  });
});
