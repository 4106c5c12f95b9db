/**
 * The serializer layer: the ONLY place where camelCase SDK shapes are translated to
 * snake_case wire shapes (requests: bodies and query strings) and back (responses).
 *
 * Rules:
 * - Request serializers map field by field. `undefined` fields disappear in
 *   `JSON.stringify`, explicit `null` is kept (e.g. `scopes: null` clears an override).
 * - Map-valued fields (`config`, `metadata`, `additional_authorization_parameters`) are copied
 *   as-is: their keys are never converted.
 * - Timestamps stay ISO-8601 strings in responses; request `Date`s become `toISOString()`.
 *
 * @internal
 * @module
 */

import { OpenPipesError } from './errors.js';
import type {
  AccessToken,
  ApiKeyInstallation,
  AuthorizeDataIntegrationOptions,
  CatalogConfigField,
  CatalogProvider,
  ConfigureOrganizationProviderOptions,
  ConnectedAccount,
  ConnectedAccountTokenInput,
  CreateDataIntegrationApiKeyOptions,
  CreateDataIntegrationClientCredentialOptions,
  CreateDataIntegrationCredentialOptions,
  CreateDataIntegrationOptions,
  CreateOrganizationConnectedAccountOptions,
  CreateUserConnectedAccountOptions,
  CustomProviderDefinition,
  DataIntegration,
  DataIntegrationAccessTokenResponse,
  DataIntegrationAuthorizeUrlResponse,
  DataIntegrationConfiguration,
  DataIntegrationCredentialsInput,
  DataIntegrationCredentialsResponse,
  DataIntegrationCustomProvider,
  DataIntegrationVendedCredential,
  DataProvider,
  DataProviderConnectedAccount,
  DeleteOrganizationConnectedAccountOptions,
  DeleteUserConnectedAccountOptions,
  Event,
  GetAccessTokenOptions,
  GetOrganizationConnectedAccountOptions,
  GetUserConnectedAccountOptions,
  List,
  ListDataIntegrationsOptions,
  ListEventsOptions,
  ListOrganizationDataProvidersOptions,
  ListUserDataProvidersOptions,
  OrganizationCredentials,
  PipesConnectedAccount,
  PipesConnectionFailed,
  UnpaginatedList,
  UpdateCustomProviderDefinition,
  UpdateDataIntegrationApiKeyOptions,
  UpdateDataIntegrationClientCredentialsOptions,
  UpdateDataIntegrationOptions,
  UpdateOrganizationConnectedAccountOptions,
  UpdateUserConnectedAccountOptions,
} from './types.js';
import type {
  QueryParams,
  WireAccessToken,
  WireAccessTokenResponse,
  WireApiKeyInstallation,
  WireAuthorizeUrlResponse,
  WireCatalogConfigField,
  WireCatalogProvider,
  WireConnectedAccount,
  WireCreateDataIntegration,
  WireCredentialsInput,
  WireCredentialsResponse,
  WireCustomProvider,
  WireCustomProviderInput,
  WireDataIntegration,
  WireDataIntegrationConfiguration,
  WireDataProvider,
  WireEvent,
  WireList,
  WireListMetadata,
  WireOrganizationCredentials,
  WireTokenInput,
  WireUpdateDataIntegration,
  WireVendedCredential,
} from './wire.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function invalidResponse(message: string, body: unknown): OpenPipesError {
  return new OpenPipesError(`Unexpected response from OpenPipes: ${message}`, { code: 'invalid_response', body });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectRecord<T>(value: unknown, what: string): T {
  if (!isRecord(value)) throw invalidResponse(`expected a JSON object for ${what}`, value);
  return value as T;
}

/** Shallow copy of a map; keys are deliberately left untouched. */
function copyMap<V>(map: Record<string, V>): Record<string, V>;
function copyMap<V>(map: Record<string, V> | null | undefined): Record<string, V> | undefined;
function copyMap<V>(map: Record<string, V> | null | undefined): Record<string, V> | undefined {
  return map == null ? undefined : { ...map };
}

function isoString(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : value;
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

/** Deserializes a paginated list envelope. */
export function deserializeList<W, T>(raw: unknown, item: (w: W) => T): List<T> {
  const list = expectRecord<WireList<W>>(raw, 'a list');
  if (!Array.isArray(list.data)) throw invalidResponse('list `data` is not an array', raw);
  const meta: WireListMetadata = isRecord(list.list_metadata) ? list.list_metadata : {};
  return {
    object: 'list',
    data: list.data.map(item),
    listMetadata: {
      before: typeof meta.before === 'string' ? meta.before : null,
      after: typeof meta.after === 'string' && meta.after !== '' ? meta.after : null,
    },
  };
}

/** Deserializes an unpaginated list envelope. */
export function deserializeUnpaginatedList<W, T>(raw: unknown, item: (w: W) => T): UnpaginatedList<T> {
  const list = expectRecord<WireList<W>>(raw, 'a list');
  if (!Array.isArray(list.data)) throw invalidResponse('list `data` is not an array', raw);
  return { object: 'list', data: list.data.map(item) };
}

// ---------------------------------------------------------------------------
// Data integrations
// ---------------------------------------------------------------------------

function deserializeCustomProvider(w: WireCustomProvider): DataIntegrationCustomProvider {
  return {
    name: w.name,
    authorizationUrl: w.authorization_url ?? null,
    tokenUrl: w.token_url ?? null,
    refreshTokenUrl: w.refresh_token_url ?? null,
    ...(w.api_base_url === undefined ? {} : { apiBaseUrl: w.api_base_url }),
    pkceEnabled: w.pkce_enabled,
    requestScopeSeparator: w.request_scope_separator,
    scopesRequired: w.scopes_required,
    clientSecretRequired: w.client_secret_required,
    additionalAuthorizationParameters: copyMap(w.additional_authorization_parameters) ?? {},
    tokenBodyContentType: w.token_body_content_type,
    authenticateVia: w.authenticate_via,
  };
}

/** Wire `data_integration` → {@link DataIntegration}. */
export function deserializeDataIntegration(raw: unknown): DataIntegration {
  const w = expectRecord<WireDataIntegration>(raw, 'a data integration');
  const result: DataIntegration = {
    object: w.object,
    id: w.id,
    slug: w.slug,
    integrationType: w.integration_type,
    description: w.description ?? null,
    enabled: w.enabled,
    state: w.state,
    scopes: w.scopes ?? null,
    redirectUri: w.redirect_uri,
    authMethods: w.auth_methods ?? ['oauth'],
    credentials:
      w.credentials != null
        ? {
            type: w.credentials.type,
            clientId: w.credentials.client_id ?? null,
            redactedClientSecret: w.credentials.redacted_client_secret ?? null,
          }
        : null,
    installation:
      w.installation != null
        ? {
            id: w.installation.id,
            connectionRole: w.installation.connection_role,
            accountIdentifier: w.installation.account_identifier ?? null,
            accountDisplayName: w.installation.account_display_name ?? null,
            userId: w.installation.user_id ?? null,
            organizationId: w.installation.organization_id ?? null,
            apiKeyLast4: w.installation.api_key_last_4 ?? null,
          }
        : null,
    customProvider: w.custom_provider != null ? deserializeCustomProvider(w.custom_provider) : null,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
  if (w.ownership !== undefined) result.ownership = w.ownership;
  if (w.config != null) result.config = copyMap(w.config);
  return result;
}

function serializeCredentialsInput(m: DataIntegrationCredentialsInput): WireCredentialsInput {
  return { type: m.type, client_id: m.clientId, client_secret: m.clientSecret };
}

function serializeApiKeyInstallation(m: ApiKeyInstallation): WireApiKeyInstallation {
  return { secret: m.secret, user_id: m.userId, organization_id: m.organizationId };
}

function serializeCustomProviderInput(m: CustomProviderDefinition | UpdateCustomProviderDefinition): WireCustomProviderInput {
  return {
    name: m.name,
    authorization_url: m.authorizationUrl,
    token_url: m.tokenUrl,
    refresh_token_url: m.refreshTokenUrl,
    api_base_url: m.apiBaseUrl,
    pkce_enabled: m.pkceEnabled,
    request_scope_separator: m.requestScopeSeparator,
    scopes_required: m.scopesRequired,
    client_secret_required: m.clientSecretRequired,
    additional_authorization_parameters: copyMap(m.additionalAuthorizationParameters),
    token_body_content_type: m.tokenBodyContentType,
    authenticate_via: m.authenticateVia,
  };
}

/** R5 body. */
export function serializeCreateDataIntegration(m: CreateDataIntegrationOptions): WireCreateDataIntegration {
  return {
    provider: m.provider,
    ownership: m.ownership,
    description: m.description,
    enabled: m.enabled,
    scopes: m.scopes,
    auth_methods: m.authMethods,
    config: copyMap(m.config),
    credentials: m.credentials != null ? serializeCredentialsInput(m.credentials) : undefined,
    api_key: m.apiKey != null ? serializeApiKeyInstallation(m.apiKey) : undefined,
    custom_provider: m.customProvider != null ? serializeCustomProviderInput(m.customProvider) : undefined,
  };
}

/** R7 / R10 body (the `slug` is a path parameter and is not sent). */
export function serializeUpdateDataIntegration(m: UpdateDataIntegrationOptions): WireUpdateDataIntegration {
  return {
    description: m.description,
    enabled: m.enabled,
    scopes: m.scopes,
    credentials: m.credentials != null ? serializeCredentialsInput(m.credentials) : undefined,
    api_key: m.apiKey != null ? serializeApiKeyInstallation(m.apiKey) : undefined,
    custom_provider: m.customProvider != null ? serializeCustomProviderInput(m.customProvider) : undefined,
  };
}

/** R4 query. `order` defaults to `desc`, as in WorkOS v11. */
export function serializeListDataIntegrationsQuery(m: ListDataIntegrationsOptions = {}): QueryParams {
  return {
    ownership: m.ownership,
    limit: m.limit,
    before: m.before,
    after: m.after,
    order: m.order ?? 'desc',
  };
}

// ---------------------------------------------------------------------------
// Authorization, tokens, credentials
// ---------------------------------------------------------------------------

/** R12 body. */
export function serializeAuthorizeDataIntegration(m: AuthorizeDataIntegrationOptions): Record<string, unknown> {
  return {
    user_id: m.userId,
    organization_id: m.organizationId,
    connection_owner: m.connectionOwner,
    return_to: m.returnTo,
    config: copyMap(m.config),
  };
}

/** Wire `{ url }` → {@link DataIntegrationAuthorizeUrlResponse}. */
export function deserializeAuthorizeUrlResponse(raw: unknown): DataIntegrationAuthorizeUrlResponse {
  const w = expectRecord<WireAuthorizeUrlResponse>(raw, 'an authorization URL response');
  return { url: w.url };
}

/** R13 body. */
export function serializeGetAccessToken(m: GetAccessTokenOptions): Record<string, unknown> {
  return {
    user_id: m.userId,
    organization_id: m.organizationId,
    connected_account_id: m.connectedAccountId,
    connection_owner: m.connectionOwner,
    supports_multiple_connections: m.supportsMultipleConnections,
  };
}

/** R14 body. */
export function serializeCreateDataIntegrationCredential(m: CreateDataIntegrationCredentialOptions): Record<string, unknown> {
  return {
    user_id: m.userId,
    organization_id: m.organizationId,
    connected_account_id: m.connectedAccountId,
    connection_owner: m.connectionOwner,
    supports_multiple_connections: m.supportsMultipleConnections,
  };
}

function deserializeAccessToken(w: WireAccessToken): AccessToken {
  return {
    object: w.object,
    accessToken: w.access_token,
    expiresAt: w.expires_at ?? null,
    scopes: w.scopes ?? [],
    missingScopes: w.missing_scopes ?? [],
  };
}

/** Wire token response → {@link DataIntegrationAccessTokenResponse}. */
export function deserializeAccessTokenResponse(raw: unknown): DataIntegrationAccessTokenResponse {
  const w = expectRecord<WireAccessTokenResponse>(raw, 'an access token response');
  if (w.active === true) {
    if (!isRecord(w.access_token)) throw invalidResponse('`access_token` missing on an active token response', raw);
    return { active: true, accessToken: deserializeAccessToken(w.access_token) };
  }
  if (w.active === false) {
    if (w.error === undefined) throw invalidResponse('`error` missing on an inactive token response', raw);
    return { active: false, error: w.error };
  }
  throw invalidResponse(`unknown \`active\` value ${JSON.stringify(w.active)}`, raw);
}

function deserializeVendedCredential(w: WireVendedCredential, raw: unknown): DataIntegrationVendedCredential {
  const config = copyMap(w.config);
  switch (w.auth_method) {
    case 'oauth':
      return {
        object: w.object,
        authMethod: 'oauth',
        value: w.value,
        ...(config !== undefined && { config }),
        expiresAt: w.expires_at ?? null,
        scopes: w.scopes ?? [],
        missingScopes: w.missing_scopes ?? [],
      };
    case 'api_key':
      return {
        object: w.object,
        authMethod: 'api_key',
        value: w.value,
        ...(config !== undefined && { config }),
      };
    case 'client_credentials':
      return {
        object: w.object,
        authMethod: 'client_credentials',
        value: w.value,
        ...(config !== undefined && { config }),
        expiresAt: w.expires_at ?? null,
        scopes: w.scopes ?? [],
        missingScopes: w.missing_scopes ?? [],
        metadata: copyMap(w.metadata) ?? {},
      };
    default:
      throw invalidResponse(`unknown credential auth_method ${JSON.stringify(w.auth_method)}`, raw);
  }
}

/** Wire credentials response → {@link DataIntegrationCredentialsResponse}. */
export function deserializeCredentialsResponse(raw: unknown): DataIntegrationCredentialsResponse {
  const w = expectRecord<WireCredentialsResponse>(raw, 'a credentials response');
  if (w.active === true) {
    if (!isRecord(w.credential)) throw invalidResponse('`credential` missing on an active credentials response', raw);
    return { active: true, credential: deserializeVendedCredential(w.credential, raw) };
  }
  if (w.active === false) {
    if (w.error === undefined) throw invalidResponse('`error` missing on an inactive credentials response', raw);
    return { active: false, error: w.error };
  }
  throw invalidResponse(`unknown \`active\` value ${JSON.stringify(w.active)}`, raw);
}

// ---------------------------------------------------------------------------
// Connected accounts
// ---------------------------------------------------------------------------

/** Wire `connected_account` → {@link ConnectedAccount}. */
export function deserializeConnectedAccount(raw: unknown): ConnectedAccount {
  const w = expectRecord<WireConnectedAccount>(raw, 'a connected account');
  const result: ConnectedAccount = {
    object: w.object,
    id: w.id,
    accountIdentifier: w.account_identifier ?? null,
    accountDisplayName: w.account_display_name ?? null,
    userId: w.user_id ?? null,
    organizationId: w.organization_id ?? null,
    scopes: w.scopes ?? [],
    authMethod: w.auth_method ?? 'oauth',
    apiKeyLast4: w.api_key_last_4 ?? null,
    clientId: w.client_id ?? null,
    clientSecretLast4: w.client_secret_last_4 ?? null,
    state: w.state,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
  if (w.connection_role !== undefined) result.connectionRole = w.connection_role;
  if (w.config != null) result.config = copyMap(w.config);
  // Extensions, only where the server sends them (not in provider listings): absent stays absent.
  if (w.last_refreshed_at !== undefined) result.lastRefreshedAt = w.last_refreshed_at;
  if (w.last_used_at !== undefined) result.lastUsedAt = w.last_used_at;
  if (w.last_health_check_at !== undefined) result.lastHealthCheckAt = w.last_health_check_at;
  if (w.last_health_check_result !== undefined) result.lastHealthCheckResult = w.last_health_check_result;
  return result;
}

function deserializeProviderConnectedAccount(raw: unknown): DataProviderConnectedAccount {
  const w = expectRecord<WireConnectedAccount>(raw, 'a connected account');
  return { ...deserializeConnectedAccount(w), userlandUserId: w.userland_user_id ?? w.user_id ?? null };
}

function serializeTokenInput(m: ConnectedAccountTokenInput): WireTokenInput {
  return {
    access_token: m.accessToken,
    refresh_token: m.refreshToken,
    expires_at: isoString(m.expiresAt),
    scopes: m.scopes,
    state: m.state,
  };
}

/** R15 body. */
export function serializeCreateDataIntegrationApiKey(m: CreateDataIntegrationApiKeyOptions): Record<string, unknown> {
  return {
    user_id: m.userId,
    organization_id: m.organizationId,
    connection_owner: m.connectionOwner,
    secret: m.secret,
    connection_intent: m.connectionIntent,
  };
}

/** R16 body. */
export function serializeUpdateDataIntegrationApiKey(m: UpdateDataIntegrationApiKeyOptions): Record<string, unknown> {
  return {
    user_id: m.userId,
    organization_id: m.organizationId,
    connected_account_id: m.connectedAccountId,
    connection_intent: m.connectionIntent,
    connection_owner: m.connectionOwner,
    secret: m.secret,
  };
}

/** R17 body. */
export function serializeCreateDataIntegrationClientCredential(m: CreateDataIntegrationClientCredentialOptions): Record<string, unknown> {
  return {
    user_id: m.userId,
    organization_id: m.organizationId,
    connection_owner: m.connectionOwner,
    client_id: m.clientId,
    client_secret: m.clientSecret,
    config: copyMap(m.config),
    connection_intent: m.connectionIntent,
  };
}

/** R18 body. */
export function serializeUpdateDataIntegrationClientCredentials(m: UpdateDataIntegrationClientCredentialsOptions): Record<string, unknown> {
  return {
    user_id: m.userId,
    organization_id: m.organizationId,
    connected_account_id: m.connectedAccountId,
    connection_intent: m.connectionIntent,
    connection_owner: m.connectionOwner,
    client_id: m.clientId,
    client_secret: m.clientSecret,
    config: copyMap(m.config),
  };
}

/** R19 query. */
export function serializeGetUserConnectedAccountQuery(m: GetUserConnectedAccountOptions): QueryParams {
  return {
    organization_id: m.organizationId,
    supports_multiple_connections: m.supportsMultipleConnections,
    connected_account_id: m.connectedAccountId,
  };
}

/** R20 query. */
export function serializeCreateUserConnectedAccountQuery(m: CreateUserConnectedAccountOptions): QueryParams {
  return { organization_id: m.organizationId };
}

/** R20 body. */
export function serializeCreateUserConnectedAccount(m: CreateUserConnectedAccountOptions): Record<string, unknown> {
  return { ...serializeTokenInput(m), connection_intent: m.connectionIntent };
}

/** R21 query. */
export function serializeUpdateUserConnectedAccountQuery(m: UpdateUserConnectedAccountOptions): QueryParams {
  return {
    organization_id: m.organizationId,
    supports_multiple_connections: m.supportsMultipleConnections,
    connected_account_id: m.connectedAccountId,
    connection_intent: m.connectionIntent,
  };
}

/** R21 body. */
export function serializeUpdateUserConnectedAccount(m: UpdateUserConnectedAccountOptions): Record<string, unknown> {
  return { ...serializeTokenInput(m) };
}

/** R22 query. */
export function serializeDeleteUserConnectedAccountQuery(m: DeleteUserConnectedAccountOptions): QueryParams {
  return {
    organization_id: m.organizationId,
    supports_multiple_connections: m.supportsMultipleConnections,
    connected_account_id: m.connectedAccountId,
  };
}

/** R24 / R27 query. */
export function serializeOrganizationConnectedAccountQuery(
  m: GetOrganizationConnectedAccountOptions | DeleteOrganizationConnectedAccountOptions,
): QueryParams {
  return {
    supports_multiple_connections: m.supportsMultipleConnections,
    connected_account_id: m.connectedAccountId,
  };
}

/** R25 body. */
export function serializeCreateOrganizationConnectedAccount(m: CreateOrganizationConnectedAccountOptions): Record<string, unknown> {
  return { ...serializeTokenInput(m), user_id: m.userId, connection_intent: m.connectionIntent };
}

/** R26 query. */
export function serializeUpdateOrganizationConnectedAccountQuery(m: UpdateOrganizationConnectedAccountOptions): QueryParams {
  return {
    supports_multiple_connections: m.supportsMultipleConnections,
    connected_account_id: m.connectedAccountId,
    connection_intent: m.connectionIntent,
  };
}

/** R26 body. */
export function serializeUpdateOrganizationConnectedAccount(m: UpdateOrganizationConnectedAccountOptions): Record<string, unknown> {
  return { ...serializeTokenInput(m), user_id: m.userId };
}

// ---------------------------------------------------------------------------
// Provider listings & organization configurations
// ---------------------------------------------------------------------------

/** Wire `data_provider` → {@link DataProvider}. */
export function deserializeDataProvider(raw: unknown): DataProvider {
  const w = expectRecord<WireDataProvider>(raw, 'a data provider');
  const result: DataProvider = {
    object: w.object,
    id: w.id,
    name: w.name,
    description: w.description ?? null,
    slug: w.slug,
    integrationType: w.integration_type,
    credentialsType: w.credentials_type,
    scopes: w.scopes ?? null,
    authMethods: w.auth_methods ?? ['oauth'],
    ownership: w.ownership,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
    connectedAccount: w.connected_account != null ? deserializeProviderConnectedAccount(w.connected_account) : null,
  };
  if (w.connection_owner !== undefined) result.connectionOwner = w.connection_owner;
  if (w.connected_accounts != null) result.connectedAccounts = w.connected_accounts.map(deserializeProviderConnectedAccount);
  return result;
}

/** R1 query. */
export function serializeListUserDataProvidersQuery(m: ListUserDataProvidersOptions): QueryParams {
  return {
    organization_id: m.organizationId,
    supports_multiple_connections: m.supportsMultipleConnections,
  };
}

/** R23 query. */
export function serializeListOrganizationDataProvidersQuery(m: ListOrganizationDataProvidersOptions): QueryParams {
  return { supports_multiple_connections: m.supportsMultipleConnections };
}

function deserializeOrganizationCredentials(w: WireOrganizationCredentials): OrganizationCredentials {
  return {
    credentialsType: w.credentials_type,
    hasCredentials: w.has_credentials,
    clientId: w.client_id ?? null,
    clientSecretLastFour: w.client_secret_last_four ?? null,
    redirectUri: w.redirect_uri,
  };
}

/** Wire `data_integration_configuration` → {@link DataIntegrationConfiguration}. */
export function deserializeDataIntegrationConfiguration(raw: unknown): DataIntegrationConfiguration {
  const w = expectRecord<WireDataIntegrationConfiguration>(raw, 'a data integration configuration');
  const result: DataIntegrationConfiguration = {
    object: w.object,
    id: w.id,
    organizationId: w.organization_id,
    slug: w.slug,
    name: w.name,
    enabled: w.enabled,
    scopes: w.scopes ?? null,
    config: copyMap(w.config) ?? {},
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
  if (w.credentials != null) result.credentials = deserializeOrganizationCredentials(w.credentials);
  return result;
}

/** R3 body. `enabled: null` / `scopes: null` are sent as JSON `null` (clear the override). */
export function serializeConfigureOrganizationProvider(m: ConfigureOrganizationProviderOptions): Record<string, unknown> {
  return {
    enabled: m.enabled,
    scopes: m.scopes,
    client_id: m.clientId,
    client_secret: m.clientSecret,
    config: copyMap(m.config),
  };
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

/** GET /events query. `events` is sent as one comma-joined value. */
export function serializeListEventsQuery(m: ListEventsOptions = {}): QueryParams {
  return {
    events: m.events !== undefined ? m.events.join(',') : undefined,
    organization_id: m.organizationId,
    range_start: isoString(m.rangeStart),
    range_end: isoString(m.rangeEnd),
    limit: m.limit,
    after: m.after,
    order: m.order,
  };
}

function deserializePipesConnectedAccount(d: Record<string, unknown>): PipesConnectedAccount {
  return {
    object: d.object as PipesConnectedAccount['object'],
    id: d.id as string,
    dataIntegrationId: d.data_integration_id as string,
    providerSlug: d.provider_slug as string,
    userId: (d.user_id as string | null | undefined) ?? null,
    organizationId: (d.organization_id as string | null | undefined) ?? null,
    scopes: (d.scopes as string[] | undefined) ?? [],
    state: d.state as PipesConnectedAccount['state'],
    createdAt: d.created_at as string,
    updatedAt: d.updated_at as string,
  };
}

function deserializePipesConnectionFailed(d: Record<string, unknown>): PipesConnectionFailed {
  const result: PipesConnectionFailed = {
    object: d.object as PipesConnectionFailed['object'],
    dataIntegrationId: d.data_integration_id as string,
    providerSlug: d.provider_slug as string,
    userId: (d.user_id as string | null | undefined) ?? null,
    organizationId: (d.organization_id as string | null | undefined) ?? null,
    errorCode: d.error_code as string,
    errorReason: (d.error_reason as string | null | undefined) ?? null,
    providerError: (d.provider_error as string | null | undefined) ?? null,
    providerErrorDescription: (d.provider_error_description as string | null | undefined) ?? null,
    createdAt: d.created_at as string,
  };
  if ('account_identifier' in d) result.accountIdentifier = (d.account_identifier as string | null) ?? null;
  return result;
}

/** Wire `event` → {@link Event}. Unknown event names keep their raw `data`. */
export function deserializeEvent(raw: unknown): Event {
  const w = expectRecord<WireEvent>(raw, 'an event');
  const base = { id: w.id, createdAt: w.created_at, context: w.context };
  const data = expectRecord<Record<string, unknown>>(w.data, 'event data');
  switch (w.event) {
    case 'pipes.connected_account.connected':
    case 'pipes.connected_account.disconnected':
    case 'pipes.connected_account.reauthorization_needed':
      return { ...base, event: w.event, data: deserializePipesConnectedAccount(data) };
    case 'pipes.connected_account.connection_failed':
      return { ...base, event: w.event, data: deserializePipesConnectionFailed(data) };
    default:
      return { ...base, event: w.event, data };
  }
}

// ---------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------

function deserializeCatalogConfigField(w: WireCatalogConfigField): CatalogConfigField {
  return {
    name: w.name,
    label: w.label ?? w.name,
    description: w.description ?? null,
    scope: w.scope,
    required: w.required ?? false,
    secret: w.secret ?? false,
    pattern: w.pattern ?? null,
  };
}

/** Wire `catalog_provider` → {@link CatalogProvider}. */
export function deserializeCatalogProvider(raw: unknown): CatalogProvider {
  const w = expectRecord<WireCatalogProvider>(raw, 'a catalog provider');
  return {
    object: w.object,
    slug: w.slug,
    name: w.name,
    description: w.description ?? null,
    authMethods: w.auth_methods ?? ['oauth'],
    defaultScopes: w.default_scopes ?? [],
    scopeSeparator: w.scope_separator ?? ' ',
    pkce: w.pkce ?? false,
    docsUrl: w.docs_url ?? null,
    configFields: (w.config_fields ?? []).map(deserializeCatalogConfigField),
  };
}
