/**
 * One example per request and answer schema, for the OpenAPI document (each schema lists its own
 * under `examples`; test/openapi.test.ts validates every one against its schema). Values are
 * made up but well-formed: ids in their real formats, secrets obviously fake.
 */
const ULID = '01JD3Z6V4T8Q9W2X5Y7B1C3E5G';
const AT = '2026-01-15T09:30:00.000Z';
const LATER = '2026-01-15T10:30:00.000Z';
const SERVER = 'https://pipes.example.com';

/** A connection as the provider listings embed it. */
const LISTED_ACCOUNT = {
  object: 'connected_account',
  id: `data_installation_${ULID}`,
  connection_role: 'compatibility',
  account_identifier: '1234567',
  account_display_name: 'octocat',
  user_id: 'user_123',
  organization_id: null,
  scopes: ['repo', 'read:user'],
  auth_method: 'oauth',
  api_key_last_4: null,
  client_id: null,
  client_secret_last_4: null,
  config: {},
  state: 'connected',
  created_at: AT,
  updated_at: AT,
} as const;

export const CONNECTED_ACCOUNT = {
  ...LISTED_ACCOUNT,
  last_refreshed_at: '2026-01-16T08:00:00.000Z',
  last_used_at: '2026-01-16T08:41:10.000Z',
  last_health_check_at: '2026-01-16T08:00:00.000Z',
  last_health_check_result: 'ok',
} as const;

export const DATA_INTEGRATION = {
  object: 'data_integration',
  id: `data_integration_${ULID}`,
  slug: 'github',
  integration_type: 'github',
  ownership: 'user',
  description: 'Repositories of our users',
  enabled: true,
  state: 'valid',
  scopes: ['repo', 'read:user'],
  redirect_uri: `${SERVER}/data-integrations/github/dik_${ULID}/callback`,
  auth_methods: ['oauth'],
  credentials: { type: 'custom', client_id: 'Iv1.0123456789abcdef', redacted_client_secret: 'c0de' },
  config: {},
  custom_provider: null,
  token_lifetime_seconds: null,
  created_at: AT,
  updated_at: AT,
} as const;

export const CREATE_DATA_INTEGRATION = {
  provider: 'github',
  enabled: true,
  scopes: ['repo', 'read:user'],
  credentials: { type: 'custom', client_id: 'Iv1.0123456789abcdef', client_secret: 'example-client-secret' },
};

export const UPDATE_DATA_INTEGRATION = { enabled: false, scopes: ['read:user'] };

export const CATALOG_PROVIDER = {
  object: 'catalog_provider',
  slug: 'github',
  name: 'GitHub',
  description: 'Repositories, issues and pull requests.',
  category: 'developer',
  logo_url: 'https://pipes.example.com/catalog/providers/github/logo.svg',
  auth_methods: ['oauth'],
  default_scopes: ['read:user'],
  scope_separator: ' ',
  pkce: false,
  docs_url: 'https://docs.github.com/en/apps/oauth-apps',
  config_fields: [],
} as const;

export const CATALOG_PROVIDER_DETAIL = {
  ...CATALOG_PROVIDER,
  api_base_url: 'https://api.github.com',
  facts: {
    token_url: {
      value: 'https://github.com/login/oauth/access_token',
      source: { url: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps', checked: '2026-11-29' },
    },
    pkce: { value: true, source: { url: 'https://github.blog/changelog/', checked: '2026-11-29' } },
    redirect_uri_on_refresh: { value: false, source: null },
    revocation: { value: null, source: { unconfirmed: 'Not expressible before the engine change; none used.', checked: '2026-11-29' } },
  },
} as const;

export const DATA_PROVIDER = {
  object: 'data_provider',
  id: `data_integration_${ULID}`,
  name: 'GitHub',
  description: null,
  slug: 'github',
  integration_type: 'github',
  credentials_type: 'oauth2',
  scopes: ['repo', 'read:user'],
  auth_methods: ['oauth'],
  connection_owner: 'user',
  ownership: 'userland_user',
  created_at: AT,
  updated_at: AT,
  connected_account: { ...LISTED_ACCOUNT, userland_user_id: 'user_123' },
  connected_accounts: [{ ...LISTED_ACCOUNT, userland_user_id: 'user_123' }],
} as const;

export const ORG_CONFIGURATION = {
  object: 'data_integration_configuration',
  id: `data_integration_${ULID}`,
  organization_id: 'org_123',
  slug: 'github',
  name: 'GitHub',
  enabled: true,
  scopes: null,
  config: {},
  created_at: AT,
  updated_at: AT,
} as const;

export const CONFIGURE_ORGANIZATION = { enabled: true, scopes: ['repo'] };

export const AUTHORIZE = { user_id: 'user_123', return_to: 'https://app.example.com/settings/integrations' };
export const AUTHORIZE_RESPONSE = { url: `${SERVER}/data-integrations/3q2-7wEvrKq3gQ0m0a1b2c3d4e5f6g7h8i9j0k1l2m3/authorize-redirect` };

export const VEND = { user_id: 'user_123' };
export const TOKEN_RESPONSE = {
  active: true,
  access_token: { object: 'access_token', access_token: 'gho_exampleAccessToken', expires_at: LATER, scopes: ['repo'], missing_scopes: [] },
} as const;
export const CREDENTIAL_RESPONSE = {
  active: true,
  credential: {
    object: 'credential',
    auth_method: 'oauth',
    value: 'gho_exampleAccessToken',
    expires_at: LATER,
    scopes: ['repo'],
    missing_scopes: [],
    config: {},
  },
} as const;

export const CLIENT_CREDENTIALS = { user_id: 'user_123', client_id: 'tenant-client-id', client_secret: 'example-tenant-secret' };
export const API_KEY_CONNECTION = { user_id: 'user_123', secret: 'example-tenant-api-key' };
export const IMPORT_TOKENS = {
  access_token: 'example-access-token',
  refresh_token: 'example-refresh-token',
  expires_at: LATER,
  scopes: ['repo'],
};
export const UPDATE_TOKENS = { access_token: 'example-new-access-token', expires_at: LATER };

export const WEBHOOK_ENDPOINT = {
  object: 'webhook_endpoint',
  id: 'we_01JD3Z6V4T8Q9W2X5Y7B1C3E5G',
  endpoint_url: 'https://app.example.com/webhooks/openpipes',
  secret: 'whsec_exampleSigningSecret',
  status: 'enabled',
  events: ['pipes.connected_account.connected'],
  created_at: AT,
  updated_at: AT,
} as const;
export const CREATE_WEBHOOK_ENDPOINT = {
  endpoint_url: 'https://app.example.com/webhooks/openpipes',
  events: ['pipes.connected_account.connected'],
};
export const UPDATE_WEBHOOK_ENDPOINT = { status: 'disabled' };
export const WEBHOOK_DELIVERY = {
  object: 'webhook_delivery',
  id: `whd_${ULID}`,
  endpoint_id: 'we_01JD3Z6V4T8Q9W2X5Y7B1C3E5G',
  event_id: `event_${ULID}`,
  status: 'pending',
  attempts: 1,
  next_attempt_at: LATER,
  attempt_log: [{ object: 'webhook_attempt', id: `wha_${ULID}`, attempted_at: AT, status_code: 502, duration_ms: 120, error: null }],
  created_at: AT,
  updated_at: AT,
} as const;

export const EVENT = {
  object: 'event',
  id: `event_${ULID}`,
  event: 'pipes.connected_account.connected',
  data: { connected_account_id: `data_installation_${ULID}`, user_id: 'user_123' },
  created_at: AT,
} as const;

export const WIDGET_TOKEN = { user_id: 'user_123' };
export const WIDGET_TOKEN_RESPONSE = { token: 'eyJhbGciOiJIUzI1NiJ9.example.signature' };

export const ERROR = { code: 'entity_not_found', message: 'No user-owned data integration for "github".', entity_id: 'github' } as const;

/** The list envelope of one example item (§2.7). */
export const list = <T>(item: T, paged = true) => ({
  object: 'list' as const,
  data: [item],
  ...(paged ? { list_metadata: { before: null, after: null } } : {}),
});
