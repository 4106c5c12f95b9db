import { OpenPipes, type FetchInit, type FetchLike, type OpenPipesOptions } from '../src/index.js';

/** One request captured by the fake fetch. */
export interface RecordedCall {
  url: string;
  /** Path + query, relative to the base URL. */
  path: string;
  method: string;
  headers: Record<string, string>;
  /** Raw body string as sent. */
  rawBody: string | undefined;
  /** Parsed JSON body (undefined when no body). */
  body: unknown;
  signal: AbortSignal;
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
  /** Raw text body; wins over `body`. */
  text?: string;
  headers?: Record<string, string>;
}

export type Step = FakeResponse | Error | ((call: RecordedCall) => Promise<Response> | Response);

export const BASE_URL = 'http://pipes.test:8080';
export const API_KEY = 'sk_test_123';

/** A scripted fetch: each call consumes the next step; fails the test when steps run out. */
export function fakeFetch(steps: Step[]): { fetch: FetchLike; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  let i = 0;
  const fetch: FetchLike = async (url: string, init: FetchInit) => {
    const call: RecordedCall = {
      url,
      path: url.startsWith(BASE_URL) ? url.slice(BASE_URL.length) : url,
      method: init.method,
      headers: { ...init.headers },
      rawBody: init.body,
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      signal: init.signal,
    };
    calls.push(call);
    const step = steps[i++];
    if (step === undefined) throw new Error(`unexpected request #${i}: ${init.method} ${url}`);
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(call);
    return toResponse(step);
  };
  return { fetch, calls };
}

export function toResponse(step: FakeResponse): Response {
  const status = step.status ?? 200;
  const headers: Record<string, string> = { 'X-Request-ID': `req_${status}`, ...step.headers };
  if (status === 204) return new Response(null, { status, headers });
  const text = step.text ?? (step.body === undefined ? '' : JSON.stringify(step.body));
  if (step.text === undefined && step.body !== undefined) headers['Content-Type'] ??= 'application/json';
  return new Response(text, { status, headers });
}

/** A client wired to a scripted fetch, with no real sleeping between retries. */
export function makeClient(steps: Step[], options: OpenPipesOptions = {}) {
  const { fetch, calls } = fakeFetch(steps);
  const sleeps: number[] = [];
  const op = new OpenPipes(API_KEY, {
    baseUrl: BASE_URL,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { op, calls, sleeps };
}

/** Exact headers of a bodiless request. */
export const BASE_HEADERS = {
  Authorization: `Bearer ${API_KEY}`,
  Accept: 'application/json',
  'User-Agent': 'openpipes-node/0.1.0',
};

export const IDEMPOTENCY_KEY_RE = /^op_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// ---------------------------------------------------------------------------
// Wire fixtures (snake_case, as the server sends them)
// ---------------------------------------------------------------------------

export const wireConnectedAccount = {
  object: 'connected_account',
  id: 'data_installation_01',
  connection_role: 'compatibility',
  account_identifier: 'octocat',
  account_display_name: 'The Octocat',
  user_id: 'user_1',
  organization_id: null,
  scopes: ['repo'],
  auth_method: 'oauth',
  api_key_last_4: null,
  client_id: null,
  client_secret_last_4: null,
  config: { sub_domain: 'acme', camelKey: 'kept' },
  state: 'connected',
  created_at: '2024-01-15T10:30:00.000Z',
  updated_at: '2024-01-16T10:30:00.000Z',
};

export const camelConnectedAccount = {
  object: 'connected_account',
  id: 'data_installation_01',
  connectionRole: 'compatibility',
  accountIdentifier: 'octocat',
  accountDisplayName: 'The Octocat',
  userId: 'user_1',
  organizationId: null,
  scopes: ['repo'],
  authMethod: 'oauth',
  apiKeyLast4: null,
  clientId: null,
  clientSecretLast4: null,
  config: { sub_domain: 'acme', camelKey: 'kept' },
  state: 'connected',
  createdAt: '2024-01-15T10:30:00.000Z',
  updatedAt: '2024-01-16T10:30:00.000Z',
};

export function wireDataIntegration(id: string, slug = 'github') {
  return {
    object: 'data_integration',
    id,
    slug,
    integration_type: slug,
    ownership: 'user',
    description: 'Production app',
    enabled: true,
    state: 'valid',
    scopes: ['repo'],
    redirect_uri: `https://pipes.example.com/data-integrations/${slug}/dik_1/callback`,
    auth_methods: ['oauth'],
    credentials: { type: 'custom', client_id: 'Iv1.abc', redacted_client_secret: 'wxyz' },
    installation: null,
    config: { account_name: 'myorg' },
    custom_provider: null,
    created_at: '2024-01-15T10:30:00.000Z',
    updated_at: '2024-01-16T10:30:00.000Z',
  };
}
