import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import {
  conflict,
  integrationAlreadyExists,
  integrationNotFound,
  providerNotFound,
  validationFailed,
  type FieldError,
} from '../core/errors.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { Store } from '../store/store.ts';
import type { PageQuery } from '../store/integrations-repo.ts';
import type { AuthMethod, ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration, IntegrationChanges, Ownership } from '../domain/integration.ts';
import { lastFour } from '../domain/secret.ts';
import { isSlug, type ProviderDefinition } from '../catalog/provider-definition.ts';
import { checkBaseUrls, checkConfigValues } from './config-values.ts';
import {
  CUSTOM_PROVIDER_DEFAULTS,
  checkCustomProvider,
  customToDefinition,
  mergeCustomProvider,
  type CustomProviderInput,
  type CustomProviderWire,
} from './custom-provider.ts';
import { customDefinition, loadIntegration, resolveIntegrations, type ResolvedIntegration } from './provider-resolver.ts';

export interface CredentialsInput {
  type: 'custom' | 'organization';
  client_id?: string;
  client_secret?: string;
}

/** R5/R7's `api_key` block: the integration's first tenant and its key. */
export interface ApiKeyInstall {
  secret: string;
  user_id: string;
  organization_id?: string | null;
}

/** Installs an `api_key` block's tenant, in the integration's transaction (connections/ provides it). */
export type InstallApiKey = (tx: Store, integration: Integration, input: ApiKeyInstall) => Promise<ConnectedAccount>;

export interface CreateIntegrationInput {
  provider: string;
  ownership?: Ownership;
  description?: string | null;
  enabled?: boolean;
  scopes?: string[] | null;
  auth_methods?: AuthMethod[];
  config?: Record<string, string>;
  credentials?: CredentialsInput;
  api_key?: ApiKeyInstall;
  custom_provider?: CustomProviderInput;
  /** OpenPipes' own: the access-token lifetime to assume when a token response has no `expires_in`. */
  token_lifetime_seconds?: number | null;
}

export interface UpdateIntegrationInput {
  description?: string | null;
  enabled?: boolean;
  scopes?: string[] | null;
  credentials?: CredentialsInput;
  api_key?: ApiKeyInstall;
  custom_provider?: CustomProviderInput;
  token_lifetime_seconds?: number | null;
}

export interface IntegrationResult extends ResolvedIntegration {
  /** The tenant installed by an `api_key` block, on create/update responses only. */
  installation: ConnectedAccount | null;
}

export interface IntegrationServiceDeps {
  store: Pick<Store, 'transaction' | 'integrations' | 'customProviders'>;
  catalog: ProviderCatalog;
  clock: Clock;
  allowInsecureProviderUrls: boolean;
  installApiKey: InstallApiKey;
}

/** Environment-level provider configuration (R4–R11). */
export class IntegrationService {
  constructor(private readonly deps: IntegrationServiceDeps) {}

  async get(environmentId: string, slug: string, ownership: Ownership): Promise<ResolvedIntegration> {
    const found = await this.find(this.deps.store, environmentId, slug, ownership);
    if (!found) throw integrationNotFound(slug, ownership);
    return found;
  }

  async find(
    store: Pick<Store, 'integrations' | 'customProviders'>,
    environmentId: string,
    slug: string,
    ownership: Ownership,
  ): Promise<ResolvedIntegration | null> {
    const row = await store.integrations.bySlug(environmentId, slug, ownership);
    return row ? loadIntegration(store, this.deps.catalog, row) : null;
  }

  async list(environmentId: string, q: PageQuery): Promise<{ items: ResolvedIntegration[]; hasMore: boolean; hasPrevious: boolean }> {
    const { store, catalog } = this.deps;
    const [page, customRows] = await Promise.all([store.integrations.page(environmentId, q), store.customProviders.listAll(environmentId)]);
    return { items: resolveIntegrations(catalog, page.rows, customRows), hasMore: page.hasMore, hasPrevious: page.hasPrevious };
  }

  async create(environmentId: string, input: CreateIntegrationInput): Promise<IntegrationResult> {
    const { catalog, clock, allowInsecureProviderUrls } = this.deps;
    const slug = input.provider;
    const ownership = input.ownership ?? 'user';
    const authMethod = this.singleAuthMethod(input.auth_methods);
    const builtin = catalog.get(slug);

    return this.deps.store.transaction(async (tx) => {
      const existingCustom = builtin ? null : await tx.customProviders.bySlug(environmentId, slug);
      if (input.custom_provider !== undefined) {
        if (builtin) throw conflict(`"${slug}" is a built-in provider; a custom provider cannot shadow it.`);
        if (existingCustom)
          throw conflict(`A custom provider "${slug}" is already defined; create its other root without custom_provider.`);
        if (!isSlug(slug)) {
          throw validationFailed('A custom provider slug is lower-case letters, digits, "-" and "_".', [
            { field: 'provider', code: 'invalid_format' },
          ]);
        }
      } else if (!builtin && !existingCustom) {
        throw providerNotFound(slug);
      }
      if (await tx.integrations.bySlug(environmentId, slug, ownership)) {
        throw integrationAlreadyExists(slug, ownership);
      }

      let custom: CustomProviderWire | null = null;
      let customProviderId: string | null = null;
      const now = iso(clock.now());
      if (input.custom_provider !== undefined) {
        if (input.custom_provider.name === undefined) {
          throw validationFailed('custom_provider.name is required.', [{ field: 'custom_provider.name', code: 'required' }]);
        }
        custom = mergeCustomProvider(CUSTOM_PROVIDER_DEFAULTS, input.custom_provider);
        checkCustomProvider(custom, authMethod, allowInsecureProviderUrls);
        customProviderId = newId(ID_PREFIX.customProvider);
        await tx.customProviders.insert({
          id: customProviderId,
          environment_id: environmentId,
          slug,
          definition: { ...custom },
          created_at: now,
          updated_at: now,
        });
      } else if (existingCustom) {
        custom = customDefinition(existingCustom);
        customProviderId = existingCustom.id;
        checkCustomProvider(custom, authMethod, allowInsecureProviderUrls);
      }
      const provider = builtin ?? customToDefinition(slug, custom!, authMethod);
      if (builtin && !builtin.authMethods.includes(authMethod)) {
        throw validationFailed(`${builtin.name} does not support ${authMethod}.`, [{ field: 'auth_methods', code: 'unsupported' }]);
      }

      const errors: FieldError[] = [];
      this.checkCredentials(authMethod, input.credentials, errors, true);
      if (input.api_key !== undefined && authMethod !== 'api_key') errors.push({ field: 'api_key', code: 'not_allowed' });
      checkTokenLifetime(provider, authMethod, input.token_lifetime_seconds, errors);
      if (errors.length > 0) throw validationFailed('The integration is not valid for its auth method.', errors);
      const config = input.config ?? {};
      checkConfigValues(provider.configFields, config);
      checkBaseUrls(provider.configFields, config, allowInsecureProviderUrls);

      const creds = input.credentials;
      const row = await tx.integrations.insert({
        id: newId(ID_PREFIX.integration),
        environment_id: environmentId,
        slug,
        ownership,
        description: input.description ?? null,
        enabled: input.enabled ?? false,
        scopes: input.scopes ?? null,
        auth_method: authMethod,
        config: { values: config, fields: provider.configFields },
        credentials_type: authMethod === 'oauth' ? (creds?.type ?? null) : null,
        client_id: creds?.type === 'custom' ? (creds.client_id ?? null) : null,
        client_secret: creds?.type === 'custom' ? (creds.client_secret ?? null) : null,
        client_secret_last4: creds?.type === 'custom' && creds.client_secret !== undefined ? lastFour(creds.client_secret) : null,
        redirect_key: newId(ID_PREFIX.redirectKey),
        custom_provider_id: customProviderId,
        token_lifetime_seconds: input.token_lifetime_seconds ?? null,
        created_at: now,
        updated_at: now,
      });
      const resolved: ResolvedIntegration = { row, provider, custom };
      const installation = input.api_key ? await this.deps.installApiKey(tx, row, input.api_key) : null;
      return { ...resolved, installation };
    });
  }

  async update(environmentId: string, slug: string, ownership: Ownership, input: UpdateIntegrationInput): Promise<IntegrationResult> {
    const { clock, allowInsecureProviderUrls } = this.deps;
    return this.deps.store.transaction(async (tx) => {
      const current = await this.find(tx, environmentId, slug, ownership);
      if (!current) throw integrationNotFound(slug, ownership);
      const { row } = current;
      const errors: FieldError[] = [];
      if (input.credentials !== undefined && input.api_key !== undefined) {
        errors.push({ field: 'credentials', code: 'mutually_exclusive' }, { field: 'api_key', code: 'mutually_exclusive' });
      }
      if (input.credentials !== undefined) this.checkCredentials(row.auth_method, input.credentials, errors, false);
      if (input.api_key !== undefined && row.auth_method !== 'api_key') errors.push({ field: 'api_key', code: 'not_allowed' });
      if (input.custom_provider !== undefined && row.custom_provider_id === null)
        errors.push({ field: 'custom_provider', code: 'not_allowed' });
      checkTokenLifetime(current.provider, row.auth_method, input.token_lifetime_seconds, errors);
      if (errors.length > 0) throw validationFailed('The update is not valid for this integration.', errors);

      const now = iso(clock.now());
      const patch: IntegrationChanges = { updated_at: now };
      if (input.description !== undefined) patch.description = input.description;
      if (input.enabled !== undefined) patch.enabled = input.enabled;
      if (input.scopes !== undefined) patch.scopes = input.scopes;
      if (input.token_lifetime_seconds !== undefined) patch.token_lifetime_seconds = input.token_lifetime_seconds;
      const creds = input.credentials;
      if (creds !== undefined) {
        patch.credentials_type = creds.type;
        if (creds.type === 'custom') {
          patch.client_id = creds.client_id ?? null;
          patch.client_secret = creds.client_secret!;
          patch.client_secret_last4 = lastFour(creds.client_secret!);
        } else {
          patch.client_id = null;
          patch.client_secret = null;
          patch.client_secret_last4 = null;
        }
      }
      let custom = current.custom;
      if (input.custom_provider !== undefined && custom !== null) {
        custom = mergeCustomProvider(custom, input.custom_provider);
        checkCustomProvider(custom, row.auth_method, allowInsecureProviderUrls);
        await tx.customProviders.update(row.custom_provider_id!, { ...custom }, now);
      }
      const updatedRow = await tx.integrations.update(row, patch);
      const resolved: ResolvedIntegration = {
        row: updatedRow,
        provider: custom ? customToDefinition(slug, custom, row.auth_method) : current.provider,
        custom,
      };
      const installation = input.api_key ? await this.deps.installApiKey(tx, updatedRow, input.api_key) : null;
      return { ...resolved, installation };
    });
  }

  /** Deletes a root, its connections, and what no longer has a user: the custom definition, org overrides. */
  async delete(environmentId: string, slug: string, ownership: Ownership): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      const row = await tx.integrations.bySlug(environmentId, slug, ownership);
      if (!row) throw integrationNotFound(slug, ownership);
      await tx.integrations.delete(row.id);
      if (row.custom_provider_id && (await tx.integrations.countByCustomProvider(row.custom_provider_id)) === 0) {
        await tx.customProviders.delete(row.custom_provider_id);
      }
      if ((await tx.integrations.allBySlug(environmentId, slug)).length === 0)
        await tx.orgConfigurations.deleteForSlug(environmentId, slug);
    });
  }

  private singleAuthMethod(methods: AuthMethod[] | undefined): AuthMethod {
    if (methods === undefined) return 'oauth';
    if (methods.length !== 1) {
      throw validationFailed('An integration uses exactly one auth method.', [{ field: 'auth_methods', code: 'exactly_one_required' }]);
    }
    return methods[0]!;
  }

  private checkCredentials(authMethod: AuthMethod, creds: CredentialsInput | undefined, errors: FieldError[], creating: boolean): void {
    if (authMethod !== 'oauth') {
      if (creds !== undefined) errors.push({ field: 'credentials', code: 'not_allowed' });
      return;
    }
    if (creds === undefined) {
      if (creating) errors.push({ field: 'credentials', code: 'required' });
      return;
    }
    if (creds.type === 'custom') {
      if (!creds.client_id) errors.push({ field: 'credentials.client_id', code: 'required' });
      if (!creds.client_secret) errors.push({ field: 'credentials.client_secret', code: 'required' });
    } else {
      if (creds.client_id !== undefined) errors.push({ field: 'credentials.client_id', code: 'not_allowed' });
      if (creds.client_secret !== undefined) errors.push({ field: 'credentials.client_secret', code: 'not_allowed' });
    }
  }
}

/**
 * `token_lifetime_seconds` only means something where tokens are minted by OAuth and may come without
 * `expires_in`: not for API keys, and not for a provider whose tokens never expire (a lifetime would make
 * the service refresh a token that cannot be refreshed).
 */
function checkTokenLifetime(
  provider: Pick<ProviderDefinition, 'oauth'>,
  authMethod: AuthMethod,
  value: number | null | undefined,
  errors: FieldError[],
): void {
  if (value === undefined || value === null) return;
  if (authMethod === 'api_key' || !provider.oauth) errors.push({ field: 'token_lifetime_seconds', code: 'not_allowed' });
  else if (provider.oauth.accessTokenNeverExpires) errors.push({ field: 'token_lifetime_seconds', code: 'tokens_never_expire' });
}

/** §10.6: `valid` when the integration can be used as configured. */
export const integrationState = (row: Integration): 'valid' | 'invalid' =>
  row.auth_method !== 'oauth' ||
  row.credentials_type === 'organization' ||
  (row.credentials_type === 'custom' && row.client_id !== null && row.client_secret !== null)
    ? 'valid'
    : 'invalid';
