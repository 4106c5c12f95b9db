import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { resolveProviderUrl } from '../catalog/provider-urls.ts';
import type { Integration } from '../domain/integration.ts';
import type { OrgConfiguration } from '../domain/org-configuration.ts';
import type { StoredConfig } from '../domain/stored-config.ts';
import type { ClientCredentials } from '../oauth/token-request.ts';
import type { Store } from '../store/store.ts';
import { loadIntegration, type ResolvedIntegration } from './provider-resolver.ts';

/** Everything a call to a provider needs, for one integration as one organization sees it. */
export interface ProviderContext extends ResolvedIntegration {
  /** The organization's override of the integration, if it has one. */
  override: OrgConfiguration | null;
  /** The OAuth app in force: the integration's own, or the organization's (§1.4); null when not configured yet. */
  client: ClientCredentials | null;
  /**
   * The config values that fill the provider's URL templates, most specific last: the
   * integration's pinned values, the organization's (organization-credential providers only),
   * then the connection's or flow's own.
   */
  config: Record<string, string>;
}

export type ProviderContextStore = Pick<Store, 'customProviders' | 'orgConfigurations'>;

/**
 * The one way to prepare a provider call: authorize URLs, code exchanges, refreshes, revocation
 * and client-credentials installs all build their URLs and client from this, so they always agree
 * (a refresh once missed the organization's pinned config). Null when the provider is gone.
 */
export async function loadProviderContext(
  store: ProviderContextStore,
  catalog: ProviderCatalog,
  row: Integration,
  organizationId: string | null,
  own: StoredConfig | null,
): Promise<ProviderContext | null> {
  const stored = await loadProviderSettings(store, catalog, row, organizationId);
  return stored && providerContextOf(stored, own);
}

/** What a provider context is made of as stored: the integration resolved against the catalog, and the organization's override. */
export interface ProviderSettings {
  resolved: ResolvedIntegration;
  override: OrgConfiguration | null;
}

/** Reads the stored part of a provider context (for callers that cache it: proxy/provider-settings-cache.ts). */
export async function loadProviderSettings(
  store: ProviderContextStore,
  catalog: ProviderCatalog,
  row: Integration,
  organizationId: string | null,
): Promise<ProviderSettings | null> {
  const resolved = await loadIntegration(store, catalog, row);
  if (!resolved) return null;
  const override = organizationId ? await store.orgConfigurations.get(row.environment_id, organizationId, row.slug) : null;
  return { resolved, override };
}

/** The context for one connection's (or flow's) own config, from the stored settings. */
export function providerContextOf({ resolved, override }: ProviderSettings, own: StoredConfig | null): ProviderContext {
  const { row } = resolved;
  return {
    ...resolved,
    provider: withIntegrationSettings(resolved.provider, row),
    override,
    client: effectiveClient(row, override),
    config: configInForce(resolved, override, own),
  };
}

export type ProviderEndpoint = 'authorization' | 'token' | 'refresh' | 'revocation';

/**
 * The provider's URL for one kind of call, resolved for this context (config defaults, the host rule:
 * see `resolveProviderUrl`); null when the provider has no such endpoint.
 *
 * @throws ProviderUrlError when a placeholder has no value or the host leaves the entry's `hosts`.
 */
export function providerEndpoint(context: ProviderContext, kind: ProviderEndpoint): string | null {
  const oauth = context.provider.oauth;
  const template =
    kind === 'authorization'
      ? (oauth?.authorizationUrl ?? null)
      : kind === 'token'
        ? (oauth?.tokenUrl ?? null)
        : kind === 'refresh'
          ? (oauth?.refreshTokenUrl ?? null)
          : (oauth?.revocation?.url ?? null);
  return template === null ? null : resolveProviderUrl(context.provider, template, context.config, context.client?.clientId);
}

/**
 * The provider as this integration uses it: the integration's own token lifetime (an OpenPipes setting)
 * over the catalog's, so token responses without `expires_in` are given the lifetime the operator knows.
 */
function withIntegrationSettings(provider: ProviderDefinition, row: Integration): ProviderDefinition {
  if (row.token_lifetime_seconds === null || !provider.oauth) return provider;
  return { ...provider, oauth: { ...provider.oauth, tokenLifetimeSeconds: row.token_lifetime_seconds } };
}

/** Pinned values, the organization's (organization-credential providers only), then `own`. */
function configInForce(resolved: ResolvedIntegration, override: OrgConfiguration | null, own: StoredConfig | null): Record<string, string> {
  const { row, provider } = resolved;
  const orgConfig = row.credentials_type === 'organization' ? (override?.config ?? null) : null;
  return row.config.under(orgConfig).under(own).open(provider.configFields);
}

/** The OAuth app a connection uses: the integration's own, or the organization's (§1.4). */
function effectiveClient(row: Integration, override: OrgConfiguration | null): ClientCredentials | null {
  if (row.credentials_type === 'organization') {
    if (!override?.client_id || !override.client_secret) return null;
    return { clientId: override.client_id, clientSecret: override.client_secret.open() };
  }
  if (!row.client_id) return null;
  return { clientId: row.client_id, clientSecret: row.client_secret?.open() ?? null };
}
