import { type HttpClient, type RequestOptions, pathParam } from '../http.js';
import { AutoPaginatable } from '../pagination.js';
import * as s from '../serializers.js';
import type {
  AuthorizeDataIntegrationOptions,
  ConfigureOrganizationProviderOptions,
  ConnectedAccount,
  CreateDataIntegrationApiKeyOptions,
  CreateDataIntegrationClientCredentialOptions,
  CreateDataIntegrationCredentialOptions,
  CreateDataIntegrationOptions,
  CreateOrganizationConnectedAccountOptions,
  CreateUserConnectedAccountOptions,
  DataIntegration,
  DataIntegrationAccessTokenResponse,
  DataIntegrationAuthorizeUrlResponse,
  DataIntegrationConfiguration,
  DataIntegrationConfigurationList,
  DataIntegrationCredentialsResponse,
  DataIntegrationsListResponse,
  DeleteOrganizationConnectedAccountOptions,
  DeleteOrganizationProviderConfigurationOptions,
  DeleteUserConnectedAccountOptions,
  GetAccessTokenOptions,
  GetOrganizationConnectedAccountOptions,
  GetUserConnectedAccountOptions,
  ListDataIntegrationsOptions,
  ListOrganizationDataProvidersOptions,
  ListOrganizationProvidersOptions,
  ListProvidersOptions,
  ListUserDataProvidersOptions,
  SlugOptions,
  UpdateDataIntegrationApiKeyOptions,
  UpdateDataIntegrationClientCredentialsOptions,
  UpdateDataIntegrationOptions,
  UpdateOrganizationConnectedAccountOptions,
  UpdateOrganizationDataIntegrationOptions,
  UpdateUserConnectedAccountOptions,
} from '../types.js';

function slugOf(input: string | SlugOptions): string {
  return typeof input === 'string' ? input : input.slug;
}

const integrationPath = (slug: string): string => `/data-integrations/${pathParam('slug', slug)}`;
const userPath = (userId: string): string => `/user_management/users/${pathParam('userId', userId)}`;
const orgPath = (organizationId: string): string => `/organizations/${pathParam('organizationId', organizationId)}`;

/**
 * The Pipes API: data integrations, organization provider configuration, authorization,
 * token/credential vending and connected accounts. Method names match `workos.pipes` of
 * `@workos-inc/node` v11, plus the OpenPipes seed methods (`listProviders`,
 * `listOrganizationProviders`, `configureOrganizationProvider`,
 * `deleteOrganizationProviderConfiguration`).
 *
 * Every method accepts an optional trailing {@link RequestOptions} argument.
 */
export class Pipes {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  // -------------------------------------------------------------------------
  // Seed / provider listings
  // -------------------------------------------------------------------------

  /**
   * Lists the providers available to a user, each with the user's connected account.
   * Alias of {@link Pipes.listUserDataProviders}.
   *
   * `GET /user_management/users/:user_id/data_providers` (R1)
   *
   * @example
   * ```ts
   * const { data } = await op.pipes.listProviders({ userId: 'user_123' });
   * ```
   */
  async listProviders(options: ListProvidersOptions, requestOptions?: RequestOptions): Promise<DataIntegrationsListResponse> {
    return this.listUserDataProviders(options, requestOptions);
  }

  /**
   * Lists the providers available to a user, each with the user's connected account(s).
   *
   * `GET /user_management/users/:user_id/data_providers` (R1)
   */
  async listUserDataProviders(
    options: ListUserDataProvidersOptions,
    requestOptions?: RequestOptions,
  ): Promise<DataIntegrationsListResponse> {
    const raw = await this.#http.json(
      {
        method: 'GET',
        path: `${userPath(options.userId)}/data_providers`,
        query: s.serializeListUserDataProvidersQuery(options),
      },
      requestOptions,
    );
    return s.deserializeUnpaginatedList(raw, s.deserializeDataProvider);
  }

  /**
   * Lists every provider of the environment as configured for one organization
   * (effective `enabled`/`scopes`/`config`, and the organization's own credentials
   * for organization-credential providers).
   *
   * `GET /organizations/:organization_id/data_integration_configurations` (R2)
   */
  async listOrganizationProviders(
    options: ListOrganizationProvidersOptions,
    requestOptions?: RequestOptions,
  ): Promise<DataIntegrationConfigurationList> {
    const raw = await this.#http.json(
      { method: 'GET', path: `${orgPath(options.organizationId)}/data_integration_configurations` },
      requestOptions,
    );
    return s.deserializeUnpaginatedList(raw, s.deserializeDataIntegrationConfiguration);
  }

  /**
   * Creates or updates one organization's override for a provider. Only the fields given are
   * sent; `enabled: null` / `scopes: null` are sent as JSON `null` and clear that override.
   *
   * `PUT /organizations/:organization_id/data_integration_configurations/:slug` (R3)
   *
   * @example
   * ```ts
   * await op.pipes.configureOrganizationProvider({
   *   organizationId: 'org_123', provider: 'gitlab', enabled: true,
   *   clientId: 'client_abc', clientSecret: 'secret',
   * });
   * ```
   */
  async configureOrganizationProvider(
    options: ConfigureOrganizationProviderOptions,
    requestOptions?: RequestOptions,
  ): Promise<DataIntegrationConfiguration> {
    const raw = await this.#http.json(
      {
        method: 'PUT',
        path: `${orgPath(options.organizationId)}/data_integration_configurations/${pathParam('provider', options.provider)}`,
        body: s.serializeConfigureOrganizationProvider(options),
      },
      requestOptions,
    );
    return s.deserializeDataIntegrationConfiguration(raw);
  }

  /**
   * Removes one organization's whole override for a provider, including its credentials
   * (OpenPipes extension; resolves when the server answers 204).
   *
   * `DELETE /organizations/:organization_id/data_integration_configurations/:slug`
   */
  async deleteOrganizationProviderConfiguration(
    options: DeleteOrganizationProviderConfigurationOptions,
    requestOptions?: RequestOptions,
  ): Promise<void> {
    await this.#http.void(
      {
        method: 'DELETE',
        path: `${orgPath(options.organizationId)}/data_integration_configurations/${pathParam('provider', options.provider)}`,
      },
      requestOptions,
    );
  }

  /**
   * Lists the organization-owned providers with the organization's shared connection(s).
   *
   * `GET /organizations/:organization_id/data_providers` (R23)
   */
  async listOrganizationDataProviders(
    options: ListOrganizationDataProvidersOptions,
    requestOptions?: RequestOptions,
  ): Promise<DataIntegrationsListResponse> {
    const raw = await this.#http.json(
      {
        method: 'GET',
        path: `${orgPath(options.organizationId)}/data_providers`,
        query: s.serializeListOrganizationDataProvidersQuery(options),
      },
      requestOptions,
    );
    return s.deserializeUnpaginatedList(raw, s.deserializeDataProvider);
  }

  // -------------------------------------------------------------------------
  // Data integrations
  // -------------------------------------------------------------------------

  /**
   * Lists the environment's data integrations, one page at a time (`order` defaults to
   * `desc`). Use `autoPagination()` or `for await` on the result to walk every page.
   *
   * `GET /data-integrations` (R4)
   */
  async listDataIntegrations(
    options: ListDataIntegrationsOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<AutoPaginatable<DataIntegration>> {
    const fetchPage = async (opts: ListDataIntegrationsOptions) => {
      const raw = await this.#http.json(
        { method: 'GET', path: '/data-integrations', query: s.serializeListDataIntegrationsQuery(opts) },
        requestOptions,
      );
      return s.deserializeList(raw, s.deserializeDataIntegration);
    };
    const first = await fetchPage(options);
    return new AutoPaginatable(first, (after) => fetchPage({ ...options, before: null, limit: 100, after }));
  }

  /**
   * Creates a data integration (built-in or custom provider).
   *
   * `POST /data-integrations` (R5)
   */
  async createDataIntegration(options: CreateDataIntegrationOptions, requestOptions?: RequestOptions): Promise<DataIntegration> {
    const raw = await this.#http.json(
      { method: 'POST', path: '/data-integrations', body: s.serializeCreateDataIntegration(options) },
      requestOptions,
    );
    return s.deserializeDataIntegration(raw);
  }

  /**
   * Retrieves the user-owned data integration of a provider.
   * Accepts the slug or `{ slug }` (WorkOS v11 form).
   *
   * `GET /data-integrations/:slug` (R6)
   */
  async getDataIntegration(slug: string | SlugOptions, requestOptions?: RequestOptions): Promise<DataIntegration> {
    const raw = await this.#http.json({ method: 'GET', path: integrationPath(slugOf(slug)) }, requestOptions);
    return s.deserializeDataIntegration(raw);
  }

  /**
   * Updates the user-owned data integration of a provider.
   *
   * `PUT /data-integrations/:slug` (R7)
   */
  async updateDataIntegration(options: UpdateDataIntegrationOptions, requestOptions?: RequestOptions): Promise<DataIntegration> {
    const raw = await this.#http.json(
      { method: 'PUT', path: integrationPath(options.slug), body: s.serializeUpdateDataIntegration(options) },
      requestOptions,
    );
    return s.deserializeDataIntegration(raw);
  }

  /**
   * Deletes the user-owned data integration and all its connected accounts.
   *
   * `DELETE /data-integrations/:slug` (R8)
   */
  async deleteDataIntegration(slug: string | SlugOptions, requestOptions?: RequestOptions): Promise<void> {
    await this.#http.void({ method: 'DELETE', path: integrationPath(slugOf(slug)) }, requestOptions);
  }

  /**
   * Retrieves the organization-owned data integration of a provider.
   *
   * `GET /data-integrations/:slug/organization` (R9)
   */
  async getOrganizationDataIntegration(slug: string | SlugOptions, requestOptions?: RequestOptions): Promise<DataIntegration> {
    const raw = await this.#http.json({ method: 'GET', path: `${integrationPath(slugOf(slug))}/organization` }, requestOptions);
    return s.deserializeDataIntegration(raw);
  }

  /**
   * Updates the organization-owned data integration of a provider.
   *
   * `PUT /data-integrations/:slug/organization` (R10)
   */
  async updateOrganizationDataIntegration(
    options: UpdateOrganizationDataIntegrationOptions,
    requestOptions?: RequestOptions,
  ): Promise<DataIntegration> {
    const raw = await this.#http.json(
      {
        method: 'PUT',
        path: `${integrationPath(options.slug)}/organization`,
        body: s.serializeUpdateDataIntegration(options),
      },
      requestOptions,
    );
    return s.deserializeDataIntegration(raw);
  }

  /**
   * Deletes the organization-owned data integration and all its connected accounts.
   *
   * `DELETE /data-integrations/:slug/organization` (R11)
   */
  async deleteOrganizationDataIntegration(slug: string | SlugOptions, requestOptions?: RequestOptions): Promise<void> {
    await this.#http.void({ method: 'DELETE', path: `${integrationPath(slugOf(slug))}/organization` }, requestOptions);
  }

  // -------------------------------------------------------------------------
  // Authorization & vending
  // -------------------------------------------------------------------------

  /**
   * Returns the URL to send the user's browser to in order to connect an account.
   *
   * `POST /data-integrations/:slug/authorize` (R12)
   */
  async authorizeDataIntegration(
    options: AuthorizeDataIntegrationOptions,
    requestOptions?: RequestOptions,
  ): Promise<DataIntegrationAuthorizeUrlResponse> {
    const raw = await this.#http.json(
      {
        method: 'POST',
        path: `${integrationPath(options.slug)}/authorize`,
        body: s.serializeAuthorizeDataIntegration(options),
      },
      requestOptions,
    );
    return s.deserializeAuthorizeUrlResponse(raw);
  }

  /**
   * Returns a fresh OAuth access token, or why none is available.
   *
   * `POST /data-integrations/:slug/token` (R13)
   *
   * @example
   * ```ts
   * const token = await op.pipes.getAccessToken({ provider: 'github', userId: 'user_123' });
   * if (token.active) use(token.accessToken.accessToken);
   * else console.log(token.error); // 'not_installed' | 'needs_reauthorization'
   * ```
   */
  async getAccessToken(options: GetAccessTokenOptions, requestOptions?: RequestOptions): Promise<DataIntegrationAccessTokenResponse> {
    const raw = await this.#http.json(
      {
        method: 'POST',
        path: `${integrationPath(options.provider)}/token`,
        body: s.serializeGetAccessToken(options),
      },
      requestOptions,
    );
    return s.deserializeAccessTokenResponse(raw);
  }

  /**
   * Vends the credential of a connection (OAuth token, client-credentials token or API key).
   *
   * `POST /data-integrations/:slug/credentials` (R14)
   */
  async createDataIntegrationCredential(
    options: CreateDataIntegrationCredentialOptions,
    requestOptions?: RequestOptions,
  ): Promise<DataIntegrationCredentialsResponse> {
    const raw = await this.#http.json(
      {
        method: 'POST',
        path: `${integrationPath(options.slug)}/credentials`,
        body: s.serializeCreateDataIntegrationCredential(options),
      },
      requestOptions,
    );
    return s.deserializeCredentialsResponse(raw);
  }

  // -------------------------------------------------------------------------
  // API-key and client-credentials connections
  // -------------------------------------------------------------------------

  /**
   * Creates an additional API-key connection (`connectionIntent: 'add'`).
   *
   * `POST /data-integrations/:slug/api-key` (R15)
   */
  async createDataIntegrationApiKey(
    options: CreateDataIntegrationApiKeyOptions,
    requestOptions?: RequestOptions,
  ): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'POST',
        path: `${integrationPath(options.slug)}/api-key`,
        body: s.serializeCreateDataIntegrationApiKey(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Creates or rotates an API-key connection.
   *
   * `PUT /data-integrations/:slug/api-key` (R16)
   */
  async updateDataIntegrationApiKey(
    options: UpdateDataIntegrationApiKeyOptions,
    requestOptions?: RequestOptions,
  ): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'PUT',
        path: `${integrationPath(options.slug)}/api-key`,
        body: s.serializeUpdateDataIntegrationApiKey(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Creates an additional client-credentials connection (`connectionIntent: 'add'`).
   *
   * `POST /data-integrations/:slug/client-credentials` (R17)
   */
  async createDataIntegrationClientCredential(
    options: CreateDataIntegrationClientCredentialOptions,
    requestOptions?: RequestOptions,
  ): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'POST',
        path: `${integrationPath(options.slug)}/client-credentials`,
        body: s.serializeCreateDataIntegrationClientCredential(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Creates or rotates a client-credentials connection.
   *
   * `PUT /data-integrations/:slug/client-credentials` (R18)
   */
  async updateDataIntegrationClientCredentials(
    options: UpdateDataIntegrationClientCredentialsOptions,
    requestOptions?: RequestOptions,
  ): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'PUT',
        path: `${integrationPath(options.slug)}/client-credentials`,
        body: s.serializeUpdateDataIntegrationClientCredentials(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  // -------------------------------------------------------------------------
  // User connected accounts
  // -------------------------------------------------------------------------

  /**
   * Retrieves a user's connected account for a provider.
   *
   * `GET /user_management/users/:user_id/connected_accounts/:slug` (R19)
   */
  async getUserConnectedAccount(options: GetUserConnectedAccountOptions, requestOptions?: RequestOptions): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'GET',
        path: `${userPath(options.userId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        query: s.serializeGetUserConnectedAccountQuery(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Imports a user's connected account from existing OAuth tokens.
   *
   * `POST /user_management/users/:user_id/connected_accounts/:slug` (R20)
   */
  async createUserConnectedAccount(options: CreateUserConnectedAccountOptions, requestOptions?: RequestOptions): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'POST',
        path: `${userPath(options.userId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        query: s.serializeCreateUserConnectedAccountQuery(options),
        body: s.serializeCreateUserConnectedAccount(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Updates a user's connected account (tokens, scopes, state).
   *
   * `PUT /user_management/users/:user_id/connected_accounts/:slug` (R21)
   */
  async updateUserConnectedAccount(options: UpdateUserConnectedAccountOptions, requestOptions?: RequestOptions): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'PUT',
        path: `${userPath(options.userId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        query: s.serializeUpdateUserConnectedAccountQuery(options),
        body: s.serializeUpdateUserConnectedAccount(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Deletes (disconnects) a user's connected account.
   *
   * `DELETE /user_management/users/:user_id/connected_accounts/:slug` (R22)
   */
  async deleteUserConnectedAccount(options: DeleteUserConnectedAccountOptions, requestOptions?: RequestOptions): Promise<void> {
    await this.#http.void(
      {
        method: 'DELETE',
        path: `${userPath(options.userId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        query: s.serializeDeleteUserConnectedAccountQuery(options),
      },
      requestOptions,
    );
  }

  // -------------------------------------------------------------------------
  // Organization connected accounts
  // -------------------------------------------------------------------------

  /**
   * Retrieves an organization's shared connected account for a provider.
   *
   * `GET /organizations/:organization_id/connected_accounts/:slug` (R24)
   */
  async getOrganizationConnectedAccount(
    options: GetOrganizationConnectedAccountOptions,
    requestOptions?: RequestOptions,
  ): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'GET',
        path: `${orgPath(options.organizationId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        query: s.serializeOrganizationConnectedAccountQuery(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Imports an organization's shared connected account from existing OAuth tokens.
   *
   * `POST /organizations/:organization_id/connected_accounts/:slug` (R25)
   */
  async createOrganizationConnectedAccount(
    options: CreateOrganizationConnectedAccountOptions,
    requestOptions?: RequestOptions,
  ): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'POST',
        path: `${orgPath(options.organizationId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        body: s.serializeCreateOrganizationConnectedAccount(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Updates an organization's shared connected account.
   *
   * `PUT /organizations/:organization_id/connected_accounts/:slug` (R26)
   */
  async updateOrganizationConnectedAccount(
    options: UpdateOrganizationConnectedAccountOptions,
    requestOptions?: RequestOptions,
  ): Promise<ConnectedAccount> {
    const raw = await this.#http.json(
      {
        method: 'PUT',
        path: `${orgPath(options.organizationId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        query: s.serializeUpdateOrganizationConnectedAccountQuery(options),
        body: s.serializeUpdateOrganizationConnectedAccount(options),
      },
      requestOptions,
    );
    return s.deserializeConnectedAccount(raw);
  }

  /**
   * Deletes (disconnects) an organization's shared connected account.
   *
   * `DELETE /organizations/:organization_id/connected_accounts/:slug` (R27)
   */
  async deleteOrganizationConnectedAccount(
    options: DeleteOrganizationConnectedAccountOptions,
    requestOptions?: RequestOptions,
  ): Promise<void> {
    await this.#http.void(
      {
        method: 'DELETE',
        path: `${orgPath(options.organizationId)}/connected_accounts/${pathParam('slug', options.slug)}`,
        query: s.serializeOrganizationConnectedAccountQuery(options),
      },
      requestOptions,
    );
  }
}
