import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Ownership } from '../domain/integration.ts';
import { loadProviderSettings, type ProviderContextStore, type ProviderSettings } from '../integrations/provider-context.ts';
import type { Store } from '../store/store.ts';

/** How many (integration, organization) settings a process keeps: each is a few KB. */
const MAX_ENTRIES = 2_000;

interface Entry {
  version: number;
  /** Null: no such integration (or its provider is gone), as of `version`. */
  settings: ProviderSettings | null;
}

/**
 * The provider settings a proxied call needs (its integration resolved against the catalog, the
 * organization's override), cached per process so that a warm call reads none of the integration,
 * its custom provider and the override: only the environment's version, which the proxy's vend
 * statement carries (store/vend-reader.ts), so a warm call costs no statement of its own.
 *
 * Kept fresh by the rule of the provider listings (connections/listing-read-models.ts): an entry is
 * used only while the environment's read-model version, which database triggers bump with every
 * write of integrations, custom providers and overrides (store/migrations/0011), is the one it was
 * read at; the version is read (by the vend) before the rows, so a write in between makes an entry
 * look older than it is, never newer. A changed `api_base_url` is therefore followed by the very
 * next call, in every process.
 */
export class ProviderSettingsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly deps: {
      store: ProviderContextStore & Pick<Store, 'integrations'>;
      catalog: ProviderCatalog;
    },
  ) {}

  /** The settings as of `version`, the environment's read-model version read before this call. */
  async get(
    environmentId: string,
    version: number,
    slug: string,
    ownership: Ownership,
    organizationId: string | null,
  ): Promise<ProviderSettings | null> {
    const { store, catalog } = this.deps;
    const key = `${environmentId}\u0000${slug}\u0000${ownership}\u0000${organizationId ?? ''}`;
    const cached = this.entries.get(key);
    if (cached && cached.version === version) return cached.settings;
    const integration = await store.integrations.bySlug(environmentId, slug, ownership);
    const settings = integration ? await loadProviderSettings(store, catalog, integration, organizationId) : null;
    // Oldest first out: a Map keeps insertion order, and a refreshed entry is re-inserted at the end.
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { version, settings });
    return settings;
  }
}
