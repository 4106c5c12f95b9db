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

async function ok(h: Harness, method: string, url: string, body: unknown): Promise<any> {
  const res = await h.request(method, url, body);
  if (res.status >= 300) throw new Error(`seeding ${method} ${url} answered ${res.status}: ${res.text}`);
  return res.body;
}

/**
 * A store worth fuzzing: integrations of every kind (custom OAuth, built-in with organization-supplied
 * apps, API key, client credentials), connections (live, expired, API-key, organization-owned), an
 * organization override, a webhook endpoint, a pending authorization flow, widget tokens and a signed-in
 * operator. Returns the credentials the fuzzer presents and the known values it prefers (hints).
 */
export async function seedForFuzzing(h: Harness): Promise<{ creds: FuzzCredentials; hints: Hints }> {
  const custom = { type: 'custom', client_id: 'fuzz-client', client_secret: 'fuzz-client-secret' };
  const provider = { name: 'Acme', authorization_url: 'https://acme.example/authorize', token_url: 'https://acme.example/token' };
  const acme = await ok(h, 'POST', '/data-integrations', {
    provider: 'acme',
    enabled: true,
    scopes: ['read'],
    credentials: custom,
    custom_provider: provider,
  });
  await ok(h, 'POST', '/data-integrations', { provider: 'acme', ownership: 'organization', enabled: true, credentials: custom });
  await ok(h, 'POST', '/data-integrations', { provider: 'github', enabled: true, credentials: { type: 'organization' } });
  await ok(h, 'POST', '/data-integrations', { provider: 'gitlab', enabled: true, credentials: custom });
  await ok(h, 'POST', '/data-integrations', {
    provider: 'keys',
    auth_methods: ['api_key'],
    enabled: true,
    custom_provider: { name: 'Keys' },
  });
  await ok(h, 'POST', '/data-integrations', {
    provider: 'cc',
    auth_methods: ['client_credentials'],
    enabled: true,
    custom_provider: { name: 'CC', token_url: 'https://acme.example/token' },
  });
  await ok(h, 'PUT', '/organizations/org_1/data_integration_configurations/github', {
    enabled: true,
    client_id: 'org-app',
    client_secret: 'org-app-secret',
  });

  const accounts: string[] = [];
  for (const [user, expiresAt] of [
    ['user_1', FUTURE()],
    ['user_2', FUTURE()],
    ['user_expired', PAST()],
  ] as const) {
    const a = await ok(h, 'POST', `/user_management/users/${user}/connected_accounts/acme`, {
      access_token: `at-${user}`,
      refresh_token: `rt-${user}`,
      expires_at: expiresAt,
      scopes: ['read'],
    });
    accounts.push(a.id);
  }
  accounts.push(
    (await ok(h, 'POST', '/data-integrations/keys/api-key', { user_id: 'user_1', secret: 'fuzz-api-secret', connection_intent: 'add' })).id,
  );
  accounts.push(
    (
      await ok(h, 'POST', '/organizations/org_1/connected_accounts/acme', {
        user_id: 'user_1',
        access_token: 'at-org',
        refresh_token: 'rt-org',
        expires_at: FUTURE(),
      })
    ).id,
  );

  const webhook = await ok(h, 'POST', '/webhook_endpoints', {
    endpoint_url: 'https://hooks.example/openpipes',
    events: ['pipes.connected_account.connected'],
  });
  const started = await ok(h, 'POST', '/data-integrations/acme/authorize', { user_id: 'user_1' });
  const link = /\/data-integrations\/([^/?]+)\/authorize-redirect/.exec(JSON.stringify(started))?.[1];
  const integrationKey = /\/data-integrations\/[a-z0-9_-]+\/(dik_[0-9A-Z]{26})\/callback/.exec(acme.redirect_uri)?.[1];

  // An admin who is also a member: both the member and the admin widget routes answer it.
  const admin = await ok(h, 'POST', '/widgets/token', { user_id: 'user_1', organization_id: 'org_1', scopes: ['widgets:pipes:manage'] });

  await h.deps.operators.create('fuzzer', OPERATOR_PASSWORD);
  const browser = new DashboardClient(h.app, '10.9.9.9');
  const signedIn = await browser.signIn('fuzzer', OPERATOR_PASSWORD);
  if (signedIn.status !== 303) throw new Error(`operator sign-in answered ${signedIn.status}`);
  const csrf = csrfTokenOf((await browser.get('/dashboard/environments/default/api-keys')).html);
  const dashboardCookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  const known: Record<string, readonly string[]> = {
    slug: ['acme', 'github', 'gitlab', 'keys', 'cc'],
    provider: ['acme', 'github', 'notion', 'keys'],
    user_id: ['user_1', 'user_2', 'user_expired'],
    organization_id: ['org_1'],
    connected_account_id: accounts,
    installationId: accounts,
    // The webhook endpoint only: the API key's own id is never offered, so the fuzzer cannot revoke its credential.
    id: [webhook.id],
    name: ['default'],
    ownership: ['user', 'organization'],
    csrf_token: [csrf],
    link: link ? [link] : [],
    key: integrationKey ? [integrationKey] : [],
    endpoint_url: ['https://hooks.example/other'],
  };
  return {
    creds: { apiKey: h.apiKey, widgetToken: admin.token, dashboardCookie },
    hints: (key) => known[key],
  };
}
