import type { EffectiveSettings } from '../integrations/effective-settings.ts';
import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';
import type { ListingReadModels } from './listing-read-models.ts';
import type { ListedAccount } from '../domain/connected-account.ts';
import type { Store } from '../store/store.ts';
import { organizationOwner, userOwner, type Owner } from '../domain/owner.ts';

export interface ProviderListItem {
  integration: ResolvedIntegration;
  settings: EffectiveSettings;
  owner: Owner;
  /** The owner's compatibility connection, or null. */
  compatibility: ListedAccount | null;
  /** What `connected_accounts` shows: the compatibility one, or all under the plural contract. */
  accounts: ListedAccount[];
}

/** One listing: the versions it was read at, and its items on demand. */
export interface Listing {
  /**
   * The versions of everything the items show (the environment's integrations, custom providers
   * and overrides; the owner's connections), read before the items: equal stamps, equal items, so
   * a caller may keep what it built from them for as long as the stamp holds.
   */
  readonly stamp: string;
  items(): Promise<ProviderListItem[]>;
}

/**
 * The provider listings (R1 for a user, R23 for an organization). One small statement per request
 * (the versions); the items read the owner's connections with one more, over integrations and
 * overrides cached per version (listing-read-models.ts), whatever the number of providers or
 * accounts.
 */
export class ProviderListing {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'listing'>;
      readModels: ListingReadModels;
    },
  ) {}

  forUser(environmentId: string, userId: string, organizationId: string | null, plural: boolean): Promise<Listing> {
    return this.list(environmentId, 'user', userOwner(userId, organizationId), organizationId, plural);
  }

  forOrganization(environmentId: string, organizationId: string, plural: boolean): Promise<Listing> {
    return this.list(environmentId, 'organization', organizationOwner(organizationId), organizationId, plural);
  }

  private async list(
    environmentId: string,
    ownership: 'user' | 'organization',
    owner: Owner,
    organizationId: string | null,
    plural: boolean,
  ): Promise<Listing> {
    const { store, readModels } = this.deps;
    const versions = await store.listing.versions(environmentId, owner.key);
    const items = async (): Promise<ProviderListItem[]> => {
      let model = readModels.peek(environmentId, ownership, organizationId);
      if (model?.version !== versions.environment)
        model = await readModels.load(environmentId, ownership, organizationId, versions.environment);
      const accounts = await store.listing.accounts({
        environmentId,
        integrationIds: model.ids,
        ownerKey: owner.key,
        compatibilityOnly: !plural,
      });
      const byIntegration = new Map<string, ListedAccount[]>();
      for (const a of accounts) {
        const list = byIntegration.get(a.integration_id) ?? [];
        list.push(a);
        byIntegration.set(a.integration_id, list);
      }
      return model.visible.map(({ integration, settings }) => {
        const mine = byIntegration.get(integration.row.id) ?? [];
        const compatibility = mine.find((a) => a.connection_role === 'compatibility') ?? null;
        return { integration, settings, owner, compatibility, accounts: plural ? mine : compatibility ? [compatibility] : [] };
      });
    };
    return { stamp: `${versions.environment}.${versions.owner}`, items };
  }
}
