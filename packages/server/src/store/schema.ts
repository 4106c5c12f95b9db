/**
 * Row shapes as stored. Both dialects share them: booleans are 0/1 integers, timestamps ISO-8601
 * text (lexicographic order = time order), JSON as text, secrets as sealed text (crypto/keyring).
 */
export interface EnvironmentsTable {
  id: string;
  name: string;
  production: number;
  allowed_return_origins: string;
  confirmation_screen: number;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  environment_id: string;
  name: string;
  digest: string;
  last4: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CustomProvidersTable {
  id: string;
  environment_id: string;
  slug: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

export interface DataIntegrationsTable {
  id: string;
  environment_id: string;
  slug: string;
  ownership: 'user' | 'organization';
  description: string | null;
  enabled: number;
  scopes: string | null;
  auth_method: 'oauth' | 'api_key' | 'client_credentials';
  config: string;
  credentials_type: 'custom' | 'organization' | null;
  client_id: string | null;
  client_secret: string | null;
  client_secret_last4: string | null;
  redirect_key: string;
  custom_provider_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrgConfigurationsTable {
  id: string;
  environment_id: string;
  slug: string;
  organization_id: string;
  enabled: number | null;
  scopes: string | null;
  config: string | null;
  client_id: string | null;
  client_secret: string | null;
  client_secret_last4: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConnectedAccountsTable {
  id: string;
  environment_id: string;
  integration_id: string;
  owner_type: 'user' | 'organization';
  user_id: string | null;
  organization_id: string | null;
  /** `u|<user>|<org or empty>` or `o|<org>`: one string to index the owner shape on. */
  owner_key: string;
  connection_role: 'compatibility' | 'standard';
  auth_method: 'oauth' | 'api_key' | 'client_credentials';
  state: 'connected' | 'needs_reauthorization' | 'disconnected';
  scopes: string;
  account_identifier: string | null;
  account_display_name: string | null;
  access_token: string | null;
  refresh_token: string | null;
  expires_at: string | null;
  api_key: string | null;
  api_key_last4: string | null;
  client_id: string | null;
  client_secret: string | null;
  client_secret_last4: string | null;
  config: string;
  metadata: string | null;
  /** SQLite's cross-process refresh lease (ISO time it lapses); null when nobody refreshes. */
  refresh_lock_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface FlowsTable {
  id: string;
  environment_id: string;
  integration_id: string;
  /** SHA-256 of the opaque token in the authorize-redirect link. */
  link_hash: string;
  csrf_hash: string;
  /** SHA-256 of the OAuth `state`, set when the browser leaves for the provider. */
  state_hash: string | null;
  /** SHA-256 of the flow cookie that binds the flow to one browser. */
  browser_hash: string | null;
  code_verifier: string | null;
  owner_type: 'user' | 'organization';
  user_id: string | null;
  organization_id: string | null;
  owner_key: string;
  acting_user_id: string;
  connection_intent: 'add' | 'reauthorize' | null;
  connected_account_id: string | null;
  return_to: string | null;
  config: string;
  scopes: string;
  client_id: string;
  status: 'pending' | 'redirected' | 'exchanging' | 'completed' | 'failed';
  expires_at: string;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  environment_id: string;
  event: string;
  organization_id: string | null;
  data: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  environment_id: string;
  route: string;
  idempotency_key: string;
  body_hash: string;
  status: number | null;
  response: string | null;
  created_at: string;
}

export interface Database {
  environments: EnvironmentsTable;
  api_keys: ApiKeysTable;
  custom_providers: CustomProvidersTable;
  data_integrations: DataIntegrationsTable;
  org_configurations: OrgConfigurationsTable;
  connected_accounts: ConnectedAccountsTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
  flows: FlowsTable;
}
