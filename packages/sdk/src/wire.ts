/**
 * Internal snake_case wire shapes (what the server sends and receives).
 * Only `serializers.ts` uses these; they are not part of the public API.
 * @internal
 * @module
 */

import type {
  AuthMethod,
  AuthenticateVia,
  ConfigFieldScope,
  ConnectedAccountInputState,
  ConnectedAccountState,
  ConnectionOwner,
  ConnectionRole,
  DataIntegrationCredentialType,
  DataIntegrationState,
  HealthCheckResult,
  InactiveReason,
  Ownership,
  StringMap,
} from './types.js';

/** Query-string values before encoding; `null`, `undefined` and `""` are dropped. */
export type QueryValue = string | number | boolean | null | undefined;
/** Query parameters in the order they should appear. */
export type QueryParams = Record<string, QueryValue>;

export interface WireListMetadata {
  before?: string | null;
  after?: string | null;
}
export interface WireList<T> {
  object: 'list';
  data: T[];
  list_metadata?: WireListMetadata;
}

export interface WireDataIntegrationCredential {
  type: DataIntegrationCredentialType;
  client_id?: string | null;
  redacted_client_secret?: string | null;
}
export interface WireDataIntegrationInstallation {
  id: string;
  connection_role: ConnectionRole;
  account_identifier?: string | null;
  account_display_name?: string | null;
  user_id?: string | null;
  organization_id?: string | null;
  api_key_last_4?: string | null;
}
export interface WireCustomProvider {
  name: string;
  authorization_url?: string | null;
  token_url?: string | null;
  refresh_token_url?: string | null;
  /** OpenPipes extension: where the proxy sends calls. */
  api_base_url?: string | null;
  pkce_enabled: boolean;
  request_scope_separator: string;
  scopes_required: boolean;
  client_secret_required: boolean;
  additional_authorization_parameters?: StringMap | null;
  token_body_content_type: string;
  authenticate_via: AuthenticateVia;
}
export interface WireDataIntegration {
  object: 'data_integration';
  id: string;
  slug: string;
  integration_type: string;
  ownership?: Ownership;
  description?: string | null;
  enabled: boolean;
  state: DataIntegrationState;
  scopes?: string[] | null;
  redirect_uri: string;
  auth_methods?: AuthMethod[];
  credentials?: WireDataIntegrationCredential | null;
  installation?: WireDataIntegrationInstallation | null;
  config?: StringMap;
  custom_provider?: WireCustomProvider | null;
  created_at: string;
  updated_at: string;
}

export interface WireConnectedAccount {
  object: 'connected_account';
  id: string;
  connection_role?: ConnectionRole;
  account_identifier?: string | null;
  account_display_name?: string | null;
  user_id?: string | null;
  organization_id?: string | null;
  scopes?: string[];
  auth_method?: AuthMethod;
  api_key_last_4?: string | null;
  client_id?: string | null;
  client_secret_last_4?: string | null;
  config?: StringMap;
  state: ConnectedAccountState;
  created_at: string;
  updated_at: string;
  userland_user_id?: string | null;
  last_refreshed_at?: string | null;
  last_used_at?: string | null;
  last_health_check_at?: string | null;
  last_health_check_result?: HealthCheckResult | null;
}

export interface WireDataProvider {
  object: 'data_provider';
  id: string;
  name: string;
  description?: string | null;
  slug: string;
  integration_type: string;
  credentials_type: string;
  scopes?: string[] | null;
  auth_methods?: AuthMethod[];
  connection_owner?: ConnectionOwner;
  ownership: 'userland_user' | 'organization';
  created_at: string;
  updated_at: string;
  connected_account?: WireConnectedAccount | null;
  connected_accounts?: WireConnectedAccount[];
}

export interface WireOrganizationCredentials {
  credentials_type: 'shared' | 'custom' | 'organization';
  has_credentials: boolean;
  client_id?: string | null;
  client_secret_last_four?: string | null;
  redirect_uri: string;
}
export interface WireDataIntegrationConfiguration {
  object: 'data_integration_configuration';
  id: string;
  organization_id: string;
  slug: string;
  name: string;
  enabled: boolean;
  scopes?: string[] | null;
  config?: StringMap;
  created_at: string;
  updated_at: string;
  credentials?: WireOrganizationCredentials | null;
}

export interface WireAccessToken {
  object: 'access_token';
  access_token: string;
  expires_at?: string | null;
  scopes?: string[];
  missing_scopes?: string[];
}
export interface WireAccessTokenResponse {
  active: boolean;
  access_token?: WireAccessToken;
  error?: InactiveReason;
}

export interface WireVendedCredential {
  object: 'credential';
  auth_method: string;
  value: string;
  config?: StringMap;
  expires_at?: string | null;
  scopes?: string[];
  missing_scopes?: string[];
  metadata?: Record<string, unknown>;
}
export interface WireCredentialsResponse {
  active: boolean;
  credential?: WireVendedCredential;
  error?: InactiveReason;
}

export interface WireAuthorizeUrlResponse {
  url: string;
}

export interface WireEvent {
  object?: 'event';
  id: string;
  event: string;
  data: Record<string, unknown>;
  created_at: string;
  context?: Record<string, unknown>;
}

export interface WireCatalogConfigField {
  name: string;
  label?: string;
  description?: string | null;
  scope: ConfigFieldScope;
  required?: boolean;
  secret?: boolean;
  pattern?: string | null;
}
export interface WireCatalogProvider {
  object: 'catalog_provider';
  slug: string;
  name: string;
  description?: string | null;
  auth_methods?: AuthMethod[];
  default_scopes?: string[];
  scope_separator?: string;
  pkce?: boolean;
  docs_url?: string | null;
  config_fields?: WireCatalogConfigField[];
}

// Request bodies --------------------------------------------------------------
// (an `undefined` member is left out by JSON.stringify, so it is allowed explicitly)

export interface WireCredentialsInput {
  type: DataIntegrationCredentialType;
  client_id?: string | undefined;
  client_secret?: string | undefined;
}
export interface WireApiKeyInstallation {
  secret: string;
  user_id: string;
  organization_id?: string | undefined;
}
export interface WireCustomProviderInput {
  name?: string | undefined;
  authorization_url?: string | undefined;
  token_url?: string | undefined;
  refresh_token_url?: string | null | undefined;
  api_base_url?: string | null | undefined;
  pkce_enabled?: boolean | undefined;
  request_scope_separator?: string | undefined;
  scopes_required?: boolean | undefined;
  client_secret_required?: boolean | undefined;
  additional_authorization_parameters?: StringMap | undefined;
  token_body_content_type?: string | undefined;
  authenticate_via?: AuthenticateVia | undefined;
}
export interface WireCreateDataIntegration {
  provider: string;
  ownership?: Ownership | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
  scopes?: string[] | null | undefined;
  auth_methods?: AuthMethod[] | undefined;
  config?: StringMap | undefined;
  credentials?: WireCredentialsInput | undefined;
  api_key?: WireApiKeyInstallation | undefined;
  custom_provider?: WireCustomProviderInput | undefined;
}
export interface WireUpdateDataIntegration {
  description?: string | null | undefined;
  enabled?: boolean | undefined;
  scopes?: string[] | null | undefined;
  credentials?: WireCredentialsInput | undefined;
  api_key?: WireApiKeyInstallation | undefined;
  custom_provider?: WireCustomProviderInput | undefined;
}
export interface WireTokenInput {
  access_token?: string | undefined;
  refresh_token?: string | undefined;
  expires_at?: string | undefined;
  scopes?: string[] | undefined;
  state?: ConnectedAccountInputState | undefined;
}
