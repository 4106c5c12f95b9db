/**
 * `@openpipes/node` — the official TypeScript SDK of OpenPipes, a self-hostable server that
 * speaks the WorkOS Pipes wire protocol.
 *
 * @example
 * ```ts
 * import { OpenPipes } from '@openpipes/node';
 *
 * const op = new OpenPipes('sk_test_123', { baseUrl: 'http://127.0.0.1:8080' });
 * const { data } = await op.pipes.listProviders({ userId: 'user_123' });
 * ```
 *
 * @module
 */

export { OpenPipes, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './client.js';
export type { OpenPipesOptions } from './client.js';

export { USER_AGENT, VERSION } from './http.js';
export type { FetchInit, FetchLike, FetchResponse, RawBody, RequestOptions } from './http.js';

export { AutoPaginatable } from './pagination.js';

export { Pipes } from './resources/pipes.js';
export { Events } from './resources/events.js';
export { Catalog } from './resources/catalog.js';
export { ApiProxy } from './resources/proxy.js';
export type { ProxyCallOptions, ProxyConnectionOptions, ProxyQuery, ProxyRequestOptions } from './resources/proxy.js';

export {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InternalServerError,
  NetworkError,
  NotFoundError,
  OpenPipesError,
  PayloadTooLargeError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
  UnauthorizedError,
  UnexpectedStatusError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  errorClassForStatus,
} from './errors.js';
export type { FieldError, OpenPipesErrorClass, OpenPipesErrorInit } from './errors.js';

export type {
  AccessToken,
  ApiKeyInstallation,
  ApiKeyVendedCredential,
  AuthMethod,
  AuthenticateVia,
  AuthorizeDataIntegrationOptions,
  CatalogConfigField,
  CatalogProvider,
  CatalogProviderList,
  ClientCredentialsVendedCredential,
  ConfigFieldScope,
  ConfigureOrganizationProviderOptions,
  ConnectedAccount,
  ConnectedAccountInputState,
  ConnectedAccountState,
  ConnectedAccountTokenInput,
  ConnectionOwner,
  ConnectionRole,
  HealthCheckResult,
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
  DataIntegrationConfigurationList,
  DataIntegrationCredential,
  DataIntegrationCredentialType,
  DataIntegrationCredentialsInput,
  DataIntegrationCredentialsResponse,
  DataIntegrationCustomProvider,
  DataIntegrationInstallation,
  DataIntegrationState,
  DataIntegrationVendedCredential,
  DataIntegrationsListResponse,
  DataProvider,
  DataProviderConnectedAccount,
  DeleteDataIntegrationOptions,
  DeleteOrganizationConnectedAccountOptions,
  DeleteOrganizationDataIntegrationOptions,
  DeleteOrganizationProviderConfigurationOptions,
  DeleteUserConnectedAccountOptions,
  Event,
  GetAccessTokenOptions,
  GetDataIntegrationOptions,
  GetOrganizationConnectedAccountOptions,
  GetOrganizationDataIntegrationOptions,
  GetUserConnectedAccountOptions,
  InactiveReason,
  List,
  ListDataIntegrationsOptions,
  ListEventsOptions,
  ListMetadata,
  ListOrganizationDataProvidersOptions,
  ListOrganizationProvidersOptions,
  ListProvidersOptions,
  ListUserDataProvidersOptions,
  OAuthVendedCredential,
  OrganizationCredentials,
  Ownership,
  PaginationOptions,
  PipesConnectedAccount,
  PipesConnectedAccountEvent,
  PipesConnectionFailed,
  PipesConnectionFailedEvent,
  PipesEventName,
  SlugOptions,
  SortOrder,
  StringMap,
  UnknownEvent,
  UnpaginatedList,
  UpdateCustomProviderDefinition,
  UpdateDataIntegrationApiKeyOptions,
  UpdateDataIntegrationClientCredentialsOptions,
  UpdateDataIntegrationOptions,
  UpdateOrganizationConnectedAccountOptions,
  UpdateOrganizationDataIntegrationOptions,
  UpdateUserConnectedAccountOptions,
} from './types.js';
