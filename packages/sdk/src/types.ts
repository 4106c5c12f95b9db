/**
 * Public, camelCase types of the OpenPipes SDK.
 *
 * Names and shapes follow `@workos-inc/node` v11's `pipes` types so that application code can
 * switch between the two SDKs. One deliberate difference: **every timestamp is kept as the
 * ISO-8601 string sent by the server** (e.g. `2024-01-15T10:30:00.000Z`); the SDK never turns
 * them into `Date` objects. Request-side timestamps (`expiresAt`, `rangeStart`, …) accept either
 * a `Date` (sent as `toISOString()`) or a string (sent unchanged).
 *
 * Map-valued fields (`config`, `metadata`, `additionalAuthorizationParameters`) are passed
 * through verbatim in both directions: their keys are never case-converted.
 *
 * @module
 */

// ---------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------

/** How accounts authenticate with a provider. */
export type AuthMethod = 'oauth' | 'api_key' | 'client_credentials';
/** Who owns a data integration root (fixed at creation). */
export type Ownership = 'user' | 'organization';
/** Who owns a connected account. */
export type ConnectionOwner = 'user' | 'organization';
/** Compatibility slot (first connection of an owner) or additional (`standard`) connection. */
export type ConnectionRole = 'compatibility' | 'standard';
/** State of a connected account. */
export type ConnectedAccountState = 'connected' | 'needs_reauthorization' | 'disconnected';
/** What the last health check of a connection found (OpenPipes extension). */
export type HealthCheckResult = 'ok' | 'temporary_failure' | 'needs_reauthorization';
/** States a client may set on import/update. */
export type ConnectedAccountInputState = 'connected' | 'needs_reauthorization';
/** State of a data integration (`requested` is never produced by OpenPipes). */
export type DataIntegrationState = 'valid' | 'invalid' | 'requested';
/** Kind of integration-level OAuth credentials. */
export type DataIntegrationCredentialType = 'custom' | 'organization';
/** How a custom provider's token endpoint receives the client credentials. */
export type AuthenticateVia = 'request_body' | 'basic_auth_header';
/** Reason returned instead of a token/credential. */
export type InactiveReason = 'not_installed' | 'needs_reauthorization';
/** Sort order of paginated lists. */
export type SortOrder = 'asc' | 'desc';
/** Scope of a provider-declared config field. */
export type ConfigFieldScope = 'integration' | 'installation';
/** A string-to-string map whose keys are passed through verbatim. */
export type StringMap = Record<string, string>;

// ---------------------------------------------------------------------------
// Lists & pagination
// ---------------------------------------------------------------------------

/** Cursors of a paginated list page. */
export interface ListMetadata {
  /** Cursor for the previous page, or `null`. */
  before: string | null;
  /** Cursor for the next page; `null` when this is the last page. */
  after: string | null;
}

/** One page of a paginated list. */
export interface List<T> {
  object: 'list';
  data: T[];
  listMetadata: ListMetadata;
}

/** An unpaginated list envelope. */
export interface UnpaginatedList<T> {
  object: 'list';
  data: T[];
}

/** Cursor pagination options. */
export interface PaginationOptions {
  /** Page size (server default 10, maximum 100). */
  limit?: number;
  /** Return items before this cursor (an object id). */
  before?: string | null;
  /** Return items after this cursor (an object id). */
  after?: string | null;
  /** Sort order. */
  order?: SortOrder;
}

// ---------------------------------------------------------------------------
// Data integrations
// ---------------------------------------------------------------------------

/** Integration-level OAuth app credentials (secret redacted). */
export interface DataIntegrationCredential {
  type: DataIntegrationCredentialType;
  /** `null` when `type` is `organization`. */
  clientId: string | null;
  /** Last four characters of the client secret; `null` when `type` is `organization`. */
  redactedClientSecret: string | null;
}

/** First tenant installed by `createDataIntegration` with an `apiKey` block. */
export interface DataIntegrationInstallation {
  id: string;
  connectionRole: ConnectionRole;
  accountIdentifier: string | null;
  accountDisplayName: string | null;
  userId: string | null;
  organizationId: string | null;
  apiKeyLast4: string | null;
}

/** A custom provider definition as returned by the server. */
export interface DataIntegrationCustomProvider {
  name: string;
  authorizationUrl: string | null;
  tokenUrl: string | null;
  refreshTokenUrl: string | null;
  /** OpenPipes extension: the provider API's base URL for `op.proxy` (absent from servers that predate it). */
  apiBaseUrl?: string | null;
  pkceEnabled: boolean;
  requestScopeSeparator: string;
  scopesRequired: boolean;
  clientSecretRequired: boolean;
  /** Extra authorization query parameters; keys are not case-converted. */
  additionalAuthorizationParameters: StringMap;
  tokenBodyContentType: string;
  authenticateVia: AuthenticateVia;
}

/** The environment's enablement of one provider (`object: "data_integration"`). */
export interface DataIntegration {
  object: 'data_integration';
  id: string;
  slug: string;
  integrationType: string;
  ownership?: Ownership;
  description: string | null;
  enabled: boolean;
  state: DataIntegrationState;
  /** `null` means the provider's default scopes are used. */
  scopes: string[] | null;
  /** Callback URL to register at the provider; `""` for non-OAuth integrations. */
  redirectUri: string;
  /** Defaults to `['oauth']` when the server omits it. */
  authMethods: AuthMethod[];
  credentials: DataIntegrationCredential | null;
  /** Only on a create response that installed a first API-key tenant. */
  installation: DataIntegrationInstallation | null;
  /** Integration-scope config values; keys are not case-converted. */
  config?: StringMap;
  customProvider: DataIntegrationCustomProvider | null;
  /** ISO-8601 timestamp string. */
  createdAt: string;
  /** ISO-8601 timestamp string. */
  updatedAt: string;
}

/** OAuth credentials input for an integration. */
export interface DataIntegrationCredentialsInput {
  type: DataIntegrationCredentialType;
  clientId?: string;
  clientSecret?: string;
}

/** API key tenant installation input. */
export interface ApiKeyInstallation {
  secret: string;
  userId: string;
  organizationId?: string;
}

/** Custom provider definition used when creating an integration. */
export interface CustomProviderDefinition {
  name: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshTokenUrl?: string | null;
  /** OpenPipes extension: the provider API's base URL, where `op.proxy` sends calls. */
  apiBaseUrl?: string | null;
  pkceEnabled?: boolean;
  requestScopeSeparator?: string;
  scopesRequired?: boolean;
  clientSecretRequired?: boolean;
  /** Sent verbatim (keys not converted). */
  additionalAuthorizationParameters?: StringMap;
  tokenBodyContentType?: string;
  authenticateVia?: AuthenticateVia;
}

/** Partial custom provider definition used when updating an integration. */
export type UpdateCustomProviderDefinition = Partial<CustomProviderDefinition>;

/** Options of `listDataIntegrations` (R4). */
export interface ListDataIntegrationsOptions extends PaginationOptions {
  /** Only return integrations of this ownership. */
  ownership?: Ownership;
}

/** Options of `createDataIntegration` (R5). */
export interface CreateDataIntegrationOptions {
  /** Built-in provider slug, or a new slug together with `customProvider`. */
  provider: string;
  ownership?: Ownership;
  description?: string | null;
  enabled?: boolean;
  scopes?: string[] | null;
  authMethods?: AuthMethod[];
  /** Integration-scope config values; sent verbatim. */
  config?: StringMap;
  credentials?: DataIntegrationCredentialsInput;
  apiKey?: ApiKeyInstallation;
  customProvider?: CustomProviderDefinition;
}

/** Identifies an integration by slug. */
export interface SlugOptions {
  slug: string;
}
/** Options of `getDataIntegration` (R6). */
export type GetDataIntegrationOptions = SlugOptions;
/** Options of `deleteDataIntegration` (R8). */
export type DeleteDataIntegrationOptions = SlugOptions;
/** Options of `getOrganizationDataIntegration` (R9). */
export type GetOrganizationDataIntegrationOptions = SlugOptions;
/** Options of `deleteOrganizationDataIntegration` (R11). */
export type DeleteOrganizationDataIntegrationOptions = SlugOptions;

/** Options of `updateDataIntegration` (R7) and `updateOrganizationDataIntegration` (R10). */
export interface UpdateDataIntegrationOptions {
  slug: string;
  description?: string | null;
  /** `null` resets to the provider's default scopes. */
  scopes?: string[] | null;
  enabled?: boolean;
  credentials?: DataIntegrationCredentialsInput;
  apiKey?: ApiKeyInstallation;
  customProvider?: UpdateCustomProviderDefinition;
}
/** Options of `updateOrganizationDataIntegration` (R10). */
export type UpdateOrganizationDataIntegrationOptions = UpdateDataIntegrationOptions;

// ---------------------------------------------------------------------------
// Authorization, tokens and credentials
// ---------------------------------------------------------------------------

/** Options of `authorizeDataIntegration` (R12). */
export interface AuthorizeDataIntegrationOptions {
  slug: string;
  userId: string;
  organizationId?: string;
  connectionOwner?: ConnectionOwner;
  returnTo?: string;
  /** Installation-scope config values; sent verbatim. */
  config?: StringMap;
}

/** Result of `authorizeDataIntegration`: the URL to send the user's browser to. */
export interface DataIntegrationAuthorizeUrlResponse {
  url: string;
}

/** Options of `getAccessToken` (R13). Note: the slug is passed as `provider`, as in WorkOS v11. */
export interface GetAccessTokenOptions {
  provider: string;
  userId: string;
  /** `null` is sent as JSON `null` ("not scoped"). */
  organizationId?: string | null;
  connectedAccountId?: string;
  connectionOwner?: ConnectionOwner;
  supportsMultipleConnections?: boolean;
}

/** An OAuth access token. */
export interface AccessToken {
  object: 'access_token';
  accessToken: string;
  /** ISO-8601 string, or `null` when the token does not expire. */
  expiresAt: string | null;
  scopes: string[];
  missingScopes: string[];
}

/** Result of `getAccessToken`, discriminated on `active`. */
export type DataIntegrationAccessTokenResponse = { active: true; accessToken: AccessToken } | { active: false; error: InactiveReason };

/** Options of `createDataIntegrationCredential` (R14). */
export interface CreateDataIntegrationCredentialOptions {
  slug: string;
  userId: string;
  organizationId?: string;
  connectedAccountId?: string;
  connectionOwner?: ConnectionOwner;
  supportsMultipleConnections?: boolean;
}

/** A vended OAuth credential. */
export interface OAuthVendedCredential {
  object: 'credential';
  authMethod: 'oauth';
  /** The access token. */
  value: string;
  config?: StringMap;
  expiresAt: string | null;
  scopes: string[];
  missingScopes: string[];
}

/** A vended API key credential. */
export interface ApiKeyVendedCredential {
  object: 'credential';
  authMethod: 'api_key';
  /** The stored API key secret. */
  value: string;
  config?: StringMap;
}

/** A vended client-credentials access token. */
export interface ClientCredentialsVendedCredential {
  object: 'credential';
  authMethod: 'client_credentials';
  /** The access token. */
  value: string;
  config?: StringMap;
  expiresAt: string | null;
  scopes: string[];
  missingScopes: string[];
  /** Non-sensitive fields of the provider token response; keys not converted. */
  metadata: Record<string, unknown>;
}

/** A vended credential, discriminated on `authMethod`. */
export type DataIntegrationVendedCredential = OAuthVendedCredential | ApiKeyVendedCredential | ClientCredentialsVendedCredential;

/** Result of `createDataIntegrationCredential`, discriminated on `active`. */
export type DataIntegrationCredentialsResponse =
  | { active: true; credential: DataIntegrationVendedCredential }
  | { active: false; error: InactiveReason };

// ---------------------------------------------------------------------------
// Connected accounts
// ---------------------------------------------------------------------------

/** One authorized connection to a provider (`object: "connected_account"`). */
export interface ConnectedAccount {
  object: 'connected_account';
  id: string;
  connectionRole?: ConnectionRole;
  accountIdentifier: string | null;
  accountDisplayName: string | null;
  /** `null` for organization-owned connections. */
  userId: string | null;
  organizationId: string | null;
  scopes: string[];
  /** Defaults to `oauth` when the server omits it. */
  authMethod: AuthMethod;
  apiKeyLast4: string | null;
  clientId: string | null;
  clientSecretLast4: string | null;
  /** Non-secret installation config; keys not converted. */
  config?: StringMap;
  state: ConnectedAccountState;
  /** ISO-8601 timestamp string. */
  createdAt: string;
  /** ISO-8601 timestamp string. */
  updatedAt: string;
  /**
   * OpenPipes extension: when its tokens were last renewed (ISO-8601); `null`: not since it was
   * connected. Present where the connection itself is read, not in provider listings.
   */
  lastRefreshedAt?: string | null;
  /** OpenPipes extension: when a vend or proxied call last used it, to within about 10 s; `null`: never. */
  lastUsedAt?: string | null;
  /** OpenPipes extension: when the health scheduler last checked it; `null`: never. */
  lastHealthCheckAt?: string | null;
  /** OpenPipes extension: what that check found (`temporary_failure` leaves `state` as it was). */
  lastHealthCheckResult?: HealthCheckResult | null;
}

/** Connected account embedded in a provider list item. */
export interface DataProviderConnectedAccount extends ConnectedAccount {
  /** Deprecated alias of `userId`. */
  userlandUserId: string | null;
}

/** Options of `createDataIntegrationApiKey` (R15). */
export interface CreateDataIntegrationApiKeyOptions {
  slug: string;
  userId: string;
  organizationId?: string;
  connectionOwner?: ConnectionOwner;
  secret: string;
  connectionIntent: 'add';
}

/** Options of `updateDataIntegrationApiKey` (R16). */
export interface UpdateDataIntegrationApiKeyOptions {
  slug: string;
  userId: string;
  organizationId?: string;
  connectedAccountId?: string;
  connectionIntent?: 'reauthorize';
  connectionOwner?: ConnectionOwner;
  secret: string;
}

/** Options of `createDataIntegrationClientCredential` (R17). */
export interface CreateDataIntegrationClientCredentialOptions {
  slug: string;
  userId: string;
  organizationId?: string;
  connectionOwner?: ConnectionOwner;
  clientId: string;
  clientSecret: string;
  /** Installation-scope config values; sent verbatim. */
  config?: StringMap;
  connectionIntent: 'add';
}

/** Options of `updateDataIntegrationClientCredentials` (R18). */
export interface UpdateDataIntegrationClientCredentialsOptions {
  slug: string;
  userId: string;
  organizationId?: string;
  connectedAccountId?: string;
  connectionIntent?: 'reauthorize';
  connectionOwner?: ConnectionOwner;
  clientId: string;
  clientSecret: string;
  /** Installation-scope config values; sent verbatim. */
  config?: StringMap;
}

/** Token fields accepted when importing or updating a connected account. */
export interface ConnectedAccountTokenInput {
  accessToken?: string;
  refreshToken?: string;
  /** A `Date` is sent as `toISOString()`; a string is sent unchanged. */
  expiresAt?: Date | string;
  scopes?: string[];
  state?: ConnectedAccountInputState;
}

/** Options of `getUserConnectedAccount` (R19). */
export interface GetUserConnectedAccountOptions {
  userId: string;
  slug: string;
  organizationId?: string;
  supportsMultipleConnections?: boolean;
  connectedAccountId?: string;
}

/** Options of `createUserConnectedAccount` (R20). */
export interface CreateUserConnectedAccountOptions extends ConnectedAccountTokenInput {
  userId: string;
  slug: string;
  /** Sent as the `organization_id` query parameter. */
  organizationId?: string;
  connectionIntent?: 'add';
}

/** Options of `updateUserConnectedAccount` (R21). */
export interface UpdateUserConnectedAccountOptions extends ConnectedAccountTokenInput {
  userId: string;
  slug: string;
  organizationId?: string;
  supportsMultipleConnections?: boolean;
  connectedAccountId?: string;
  connectionIntent?: 'reauthorize';
}

/** Options of `deleteUserConnectedAccount` (R22). */
export interface DeleteUserConnectedAccountOptions {
  userId: string;
  slug: string;
  organizationId?: string;
  supportsMultipleConnections?: boolean;
  connectedAccountId?: string;
}

/** Options of `getOrganizationConnectedAccount` (R24). */
export interface GetOrganizationConnectedAccountOptions {
  organizationId: string;
  slug: string;
  supportsMultipleConnections?: boolean;
  connectedAccountId?: string;
}

/** Options of `createOrganizationConnectedAccount` (R25). */
export interface CreateOrganizationConnectedAccountOptions extends ConnectedAccountTokenInput {
  organizationId: string;
  slug: string;
  /** The active member on whose behalf the import happens. */
  userId: string;
  connectionIntent?: 'add';
}

/** Options of `updateOrganizationConnectedAccount` (R26). */
export interface UpdateOrganizationConnectedAccountOptions extends ConnectedAccountTokenInput {
  organizationId: string;
  slug: string;
  userId: string;
  supportsMultipleConnections?: boolean;
  connectedAccountId?: string;
  connectionIntent?: 'reauthorize';
}

/** Options of `deleteOrganizationConnectedAccount` (R27). */
export interface DeleteOrganizationConnectedAccountOptions {
  organizationId: string;
  slug: string;
  supportsMultipleConnections?: boolean;
  connectedAccountId?: string;
}

// ---------------------------------------------------------------------------
// Provider listings and organization configurations
// ---------------------------------------------------------------------------

/** A provider as seen by one user or organization (`object: "data_provider"`). */
export interface DataProvider {
  object: 'data_provider';
  /** The data integration id. */
  id: string;
  name: string;
  description: string | null;
  slug: string;
  integrationType: string;
  /** `oauth2` | `api_key` | `client_credentials`. */
  credentialsType: string;
  scopes: string[] | null;
  /** Defaults to `['oauth']` when the server omits it. */
  authMethods: AuthMethod[];
  connectionOwner?: ConnectionOwner;
  /** Deprecated legacy spelling of `connectionOwner`. */
  ownership: 'userland_user' | 'organization';
  /** ISO-8601 timestamp string. */
  createdAt: string;
  /** ISO-8601 timestamp string. */
  updatedAt: string;
  /** The owner's compatibility connection, or `null`. */
  connectedAccount: DataProviderConnectedAccount | null;
  /** Every connection of the owner when `supportsMultipleConnections` was set. */
  connectedAccounts?: DataProviderConnectedAccount[];
}

/** Result of `listUserDataProviders` / `listProviders` / `listOrganizationDataProviders`. */
export type DataIntegrationsListResponse = UnpaginatedList<DataProvider>;

/** Options of `listUserDataProviders` / `listProviders` (R1). */
export interface ListUserDataProvidersOptions {
  userId: string;
  organizationId?: string;
  supportsMultipleConnections?: boolean;
}
/** Options of `listProviders` (R1, seed name). */
export type ListProvidersOptions = ListUserDataProvidersOptions;

/** Options of `listOrganizationDataProviders` (R23). */
export interface ListOrganizationDataProvidersOptions {
  organizationId: string;
  supportsMultipleConnections?: boolean;
}

/** An organization's own OAuth app for an organization-credential provider. */
export interface OrganizationCredentials {
  credentialsType: 'shared' | 'custom' | 'organization';
  hasCredentials: boolean;
  clientId: string | null;
  clientSecretLastFour: string | null;
  /** Callback URL the organization registers in its OAuth app. */
  redirectUri: string;
}

/** A provider as configured for one organization (`object: "data_integration_configuration"`). */
export interface DataIntegrationConfiguration {
  object: 'data_integration_configuration';
  /** The data integration id. */
  id: string;
  organizationId: string;
  slug: string;
  name: string;
  /** Effective value (org override, else environment default). */
  enabled: boolean;
  /** Effective value (org override, else integration scopes, else `null`). */
  scopes: string[] | null;
  /** Effective config; keys not converted. */
  config: StringMap;
  /** ISO-8601 timestamp string. */
  createdAt: string;
  /** ISO-8601 timestamp string. */
  updatedAt: string;
  /** Present only for providers whose OAuth app each organization brings. */
  credentials?: OrganizationCredentials;
}

/** Result of `listOrganizationProviders` (R2). */
export type DataIntegrationConfigurationList = UnpaginatedList<DataIntegrationConfiguration>;

/** Options of `listOrganizationProviders` (R2). */
export interface ListOrganizationProvidersOptions {
  organizationId: string;
}

/** Options of `configureOrganizationProvider` (R3). */
export interface ConfigureOrganizationProviderOptions {
  organizationId: string;
  /** Provider slug (path segment). */
  provider: string;
  /** `null` clears the override (inherit the environment default again). */
  enabled?: boolean | null;
  /** `null` clears the override (inherit the integration's scopes again). */
  scopes?: string[] | null;
  /** The organization's own OAuth client id; must come with `clientSecret`. */
  clientId?: string;
  clientSecret?: string;
  /** Organization-level config (organization-credential providers only); sent verbatim. */
  config?: StringMap;
}

/** Options of `deleteOrganizationProviderConfiguration`. */
export interface DeleteOrganizationProviderConfigurationOptions {
  organizationId: string;
  /** Provider slug (path segment). */
  provider: string;
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

/** Names of the events OpenPipes emits. */
export type PipesEventName =
  | 'pipes.connected_account.connected'
  | 'pipes.connected_account.disconnected'
  | 'pipes.connected_account.reauthorization_needed'
  | 'pipes.connected_account.connection_failed';

/** Payload of `pipes.connected_account.{connected,disconnected,reauthorization_needed}`. */
export interface PipesConnectedAccount {
  object: 'connected_account';
  id: string;
  dataIntegrationId: string;
  providerSlug: string;
  userId: string | null;
  organizationId: string | null;
  scopes: string[];
  state: ConnectedAccountState;
  createdAt: string;
  updatedAt: string;
}

/** Payload of `pipes.connected_account.connection_failed`. */
export interface PipesConnectionFailed {
  object: 'connection_failed';
  dataIntegrationId: string;
  providerSlug: string;
  userId: string | null;
  organizationId: string | null;
  errorCode: string;
  errorReason: string | null;
  providerError: string | null;
  providerErrorDescription: string | null;
  accountIdentifier?: string | null;
  createdAt: string;
}

interface EventBase {
  id: string;
  /** ISO-8601 timestamp string. */
  createdAt: string;
  context: Record<string, unknown> | undefined;
}

/** A connected-account lifecycle event. */
export interface PipesConnectedAccountEvent extends EventBase {
  event: 'pipes.connected_account.connected' | 'pipes.connected_account.disconnected' | 'pipes.connected_account.reauthorization_needed';
  data: PipesConnectedAccount;
}

/** A failed authorization attempt. */
export interface PipesConnectionFailedEvent extends EventBase {
  event: 'pipes.connected_account.connection_failed';
  data: PipesConnectionFailed;
}

/** An event this SDK version does not know; `data` is passed through raw. */
export interface UnknownEvent extends EventBase {
  event: string;
  data: Record<string, unknown>;
}

/** An event returned by `events.listEvents`. */
export type Event = PipesConnectedAccountEvent | PipesConnectionFailedEvent | UnknownEvent;

/** Options of `events.listEvents` (GET /events). */
export interface ListEventsOptions {
  /** Event names to include; sent as one comma-joined `events` query value. */
  events?: readonly (PipesEventName | (string & {}))[];
  organizationId?: string;
  /** Inclusive lower bound (`Date` or RFC 3339 string). */
  rangeStart?: Date | string;
  /** Exclusive upper bound (`Date` or RFC 3339 string). */
  rangeEnd?: Date | string;
  limit?: number;
  after?: string;
  order?: SortOrder;
}

// ---------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------

/** A config field declared by a catalog provider. */
export interface CatalogConfigField {
  name: string;
  label: string;
  description: string | null;
  scope: ConfigFieldScope;
  required: boolean;
  /** Secret values are never echoed back by the server. */
  secret: boolean;
  /** Regular expression the value must match, or `null`. */
  pattern: string | null;
}

/** A built-in provider of the server's catalog (`object: "catalog_provider"`). */
export interface CatalogProvider {
  object: 'catalog_provider';
  slug: string;
  name: string;
  description: string | null;
  authMethods: AuthMethod[];
  defaultScopes: string[];
  scopeSeparator: string;
  pkce: boolean;
  docsUrl: string | null;
  configFields: CatalogConfigField[];
}

/** Result of `catalog.listProviders`. */
export type CatalogProviderList = UnpaginatedList<CatalogProvider>;
