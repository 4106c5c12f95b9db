import type { ProviderCatalog } from '../catalog/catalog.ts';
import { effectiveSettings, type EffectiveSettings } from '../integrations/effective-settings.ts';
import { resolveIntegrations, type ResolvedIntegration } from '../integrations/provider-resolver.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Store } from '../store/store.ts';
import { organizationOwner, userOwner, type Owner } from '../domain/owner.ts';

export interface ProviderListItem {
  integration: ResolvedIntegration;
  settings: EffectiveSettings;
  owner: Owner;
  /** The owner's compatibility connection, or null. */
  compatibility: ConnectedAccount | null;
  /** What `connected_accounts` shows: the compatibility one, or all under the plural contract. */
  accounts: ConnectedAccount[];
}

/**
 * The provider listings (R1 for a user, R23 for an organization). A fixed number of queries
 * (integrations, custom providers, the org's overrides, the owner's connections) whatever the
 * number of providers or accounts.
 */
export class ProviderListing {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'integrations' | 'customProviders' | 'orgConfigurations' | 'accounts'>;
      catalog: ProviderCatalog;
    },
  ) {}

  forUser(environmentId: string, userId: string, organizationId: string | null, plural: boolean): Promise<ProviderListItem[]> {
    return this.list(environmentId, 'user', userOwner(userId, organizationId), organizationId, plural);
  }

  forOrganization(environmentId: string, organizationId: string, plural: boolean): Promise<ProviderListItem[]> {
    return this.list(environmentId, 'organization', organizationOwner(organizationId), organizationId, plural);
  }

  private async list(
    environmentId: string,
    ownership: 'user' | 'organization',
    owner: Owner,
    organizationId: string | null,
    plural: boolean,
  ): Promise<ProviderListItem[]> {
    const { store, catalog } = this.deps;
    const [rows, customRows, overrides] = await Promise.all([
      store.integrations.listAll(environmentId, ownership),
      store.customProviders.listAll(environmentId),
      organizationId ? store.orgConfigurations.listForOrganization(environmentId, organizationId) : Promise.resolve([]),
    ]);
    const overrideBySlug = new Map(overrides.map((o) => [o.slug, o]));
    const visible = resolveIntegrations(catalog, rows, customRows)
      .map((integration) => ({
        integration,
        settings: effectiveSettings(integration.row, overrideBySlug.get(integration.row.slug) ?? null),
      }))
      .filter((x) => x.settings.enabled);
    const accounts = await store.accounts.forOwnerAcross(
      visible.map((v) => v.integration.row.id),
      owner.key,
      !plural,
    );
    const byIntegration = new Map<string, ConnectedAccount[]>();
    for (const a of accounts) {
      const list = byIntegration.get(a.integration_id) ?? [];
      list.push(a);
      byIntegration.set(a.integration_id, list);
    }
    return visible.map(({ integration, settings }) => {
      const mine = byIntegration.get(integration.row.id) ?? [];
      const compatibility = mine.find((a) => a.connection_role === 'compatibility') ?? null;
      return { integration, settings, owner, compatibility, accounts: plural ? mine : compatibility ? [compatibility] : [] };
    });
  }
}
