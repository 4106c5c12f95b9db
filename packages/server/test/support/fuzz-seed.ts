import { csrfTokenOf, DashboardClient } from './dashboard-client.ts';
import type { FuzzCredentials } from './fuzz-request.ts';
import type { Harness } from './harness.ts';
import type { Hints } from './schema-arbitrary.ts';
import type { FetchLike } from '../../src/oauth/http-client.ts';

const FUTURE = () => new Date(Date.now() + 3_600_000).toISOString();
const PAST = () => new Date(Date.now() - 60_000).toISOString();
const OPERATOR_PASSWORD = 'fuzz-operator-password-1';

/**
 * The provider side of a fuzz run, without a network: refreshes alternately fail as `invalid_grant`
 * (→ needs_reauthorization) and as an unreachable provider (→ 503 provider_unavailable, documented).
 */
export function offlineProvider(): FetchLike {
  let calls = 0;
  return async () => {
    if (++calls % 2 === 0) throw new TypeError('fetch failed');
    return {
      status: 400,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
      text: async () => JSON.stringify({ error: 'invalid_grant' }),
    };
  };
}

/** Seeding writes through the API; a 409 means the row is still there from the previous round. */
async function put(h: Harness, method: string, url: string, body: unknown): Promise<any> {
  const res = await h.request(method, url, body);
  if (res.status >= 300 && res.status !== 409) throw new Error(`seeding ${method} ${url} answered ${res.status}: ${res.text}`);
  return res.body;
}

const CUSTOM = { type: 'custom', client_id: 'fuzz-client', client_secret: 'fuzz-client-secret' };
const INTEGRATIONS = [
  {
    provider: 'acme',
    enabled: true,
    scopes: ['read'],
    credentials: CUSTOM,
    custom_provider: { name: 'Acme', authorization_url: 'https://acme.example/authorize', token_url: 'https://acme.example/token' },
  },
  { provider: 'acme', ownership: 'organization', enabled: true, credentials: CUSTOM },
  { provider: 'github', enabled: true, credentials: { type: 'organization' } },
  { provider: 'gitlab', enabled: true, credentials: CUSTOM },
  { provider: 'keys', auth_methods: ['api_key'], enabled: true, custom_provider: { name: 'Keys' } },
  {
    provider: 'cc',
    auth_methods: ['client_credentials'],
    enabled: true,
    custom_provider: { name: 'CC', token_url: 'https://acme.example/token' },
  },
];

/**
 * The data the generated requests aim at: integrations of every kind (custom OAuth, built-in with
 * organization-supplied apps, API key, client credentials), connections (live, expired, API-key,
 * organization-owned), an organization override, a webhook endpoint and a pending authorization
 * link. Safe to run again: what the previous round deleted is put back, what is left stays.
 */
async function seedData(h: Harness, known: Record<string, readonly string[]>): Promise<void> {
  for (const body of INTEGRATIONS) {
    const created = await put(h, 'POST', '/data-integrations', body);
    // The custom provider outlived this root (its other root kept it): the root is created on its own.
    if (created?.code === 'conflict' && 'custom_provider' in body)
      await put(h, 'POST', '/data-integrations', Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'custom_provider')));
  }
  await put(h, 'PUT', '/organizations/org_1/data_integration_configurations/github', {
    enabled: true,
    client_id: 'org-app',
    client_secret: 'org-app-secret',
  });
  for (const [user, expiresAt] of [
    ['user_1', FUTURE()],
    ['user_2', FUTURE()],
    ['user_expired', PAST()],
  ] as const) {
    const tokens = { access_token: `at-${user}`, refresh_token: `rt-${user}`, expires_at: expiresAt, scopes: ['read'] };
    await put(h, 'POST', `/user_management/users/${user}/connected_accounts/acme`, tokens);
  }
  await put(h, 'POST', '/data-integrations/keys/api-key', { user_id: 'user_1', secret: 'fuzz-api-secret', connection_intent: 'add' });
  const orgTokens = { user_id: 'user_1', access_token: 'at-org', refresh_token: 'rt-org', expires_at: FUTURE() };
  await put(h, 'POST', '/organizations/org_1/connected_accounts/acme', orgTokens);
  await put(h, 'POST', '/webhook_endpoints', {
    endpoint_url: 'https://hooks.example/openpipes',
    events: ['pipes.connected_account.connected'],
  });

  const started = await put(h, 'POST', '/data-integrations/acme/authorize', { user_id: 'user_1' });
  const link = /\/data-integrations\/([^/?]+)\/authorize-redirect/.exec(JSON.stringify(started))?.[1];
  const acme = (await h.request('GET', '/data-integrations/acme')).body;
  const key = /\/(dik_[0-9A-Z]{26})\/callback/.exec(String(acme?.redirect_uri))?.[1];
  const accounts = (await h.db.selectFrom('connected_accounts').select('id').execute()).map((r) => r.id);
  const webhooks = (await h.db.selectFrom('webhook_endpoints').select('id').execute()).map((r) => r.id);
  Object.assign(known, {
    connected_account_id: accounts,
    installationId: accounts,
    // Webhook endpoints only: the API key's own id is never offered, so the fuzzer cannot revoke its credential.
    id: webhooks,
    link: link ? [link] : [],
    key: key ? [key] : [],
  });
}

export interface FuzzTarget {
  creds: FuzzCredentials;
  /** Values the store knows, by property name; refreshed by `reseed`. */
  hints: Hints;
  /** Puts back what generated requests deleted (DELETE routes run last in a round, then this). */
  reseed(): Promise<void>;
}

/**
 * A store worth fuzzing (see seedData), an admin widget token (admins are members too, so both
 * widget route groups answer it) and a signed-in operator with the CSRF token of its session.
 */
export async function seedForFuzzing(h: Harness): Promise<FuzzTarget> {
  const admin = await put(h, 'POST', '/widgets/token', { user_id: 'user_1', organization_id: 'org_1', scopes: ['widgets:pipes:manage'] });
  await h.deps.operators.create('fuzzer', OPERATOR_PASSWORD);
  const browser = new DashboardClient(h.app, '10.9.9.9');
  const signedIn = await browser.signIn('fuzzer', OPERATOR_PASSWORD);
  if (signedIn.status !== 303) throw new Error(`operator sign-in answered ${signedIn.status}`);
  const csrf = csrfTokenOf((await browser.get('/dashboard/environments/default/api-keys')).html);

  const known: Record<string, readonly string[]> = {
    slug: ['acme', 'github', 'gitlab', 'keys', 'cc'],
    provider: ['acme', 'github', 'notion', 'keys'],
    user_id: ['user_1', 'user_2', 'user_expired'],
    organization_id: ['org_1'],
    name: ['default'],
    ownership: ['user', 'organization'],
    csrf_token: [csrf],
    endpoint_url: ['https://hooks.example/other'],
    events: ['pipes.connected_account.connected', 'pipes.connected_account.disconnected'],
    // Array hints name the items: `scopes: ['read']` makes `["read"]`.
    scopes: ['read'],
    return_to: ['https://app.example.com/done'],
    expires_at: [FUTURE()],
    secret: ['fuzz-secret'],
    client_id: ['fuzz-client'],
    client_secret: ['fuzz-client-secret'],
  };
  await seedData(h, known);
  return {
    creds: { apiKey: h.apiKey, widgetToken: admin.token, dashboardCookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    hints: (key) => known[key],
    reseed: () => seedData(h, known),
  };
}
