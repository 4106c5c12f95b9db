import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Ownership } from '../domain/integration.ts';
import { effectiveSettings, type EffectiveSettings } from '../integrations/effective-settings.ts';
import { resolveIntegrations, type ResolvedIntegration } from '../integrations/provider-resolver.ts';
import type { Store } from '../store/store.ts';

/** An enabled integration as one organization (or none) sees it. */
export interface VisibleIntegration {
  integration: ResolvedIntegration;
  settings: EffectiveSettings;
}

/** What a listing needs before it reads the owner's connections, as of one read-model version. */
export interface ListingModel {
  readonly version: number;
  readonly visible: readonly VisibleIntegration[];
  /** The visible integrations' ids, in order: the connection read's IN list. */
  readonly ids: readonly string[];
}

/** How many organizations' models a process keeps (each a few KB; the environment part is shared). */
const MAX_MODELS = 2_000;

/**
 * The provider listings' read models — an environment's integrations and custom providers, and an
 * organization's overrides, resolved against the catalog — cached per process.
 *
 * The rule that keeps them fresh: a cached model is used only while the environment's version,
 * read by every listing before anything else (`ListingReader.versions`), is the one it was built
 * at. Database triggers bump that version with every insert, update or delete of those tables
 * (store/migrations/0011), in the writing transaction, so any process — this one, another server,
 * the CLI — sees a change at its very next listing. A model is labelled with a version read
 * *before* its rows, so a write that lands in between makes it look older than it is (one extra
 * reload), never newer.
 */
export class ListingReadModels {
  private readonly models = new Map<string, ListingModel>();
  /** Per environment and ownership: the resolved integrations, shared by its organizations' models. */
  private readonly resolved = new Map<string, { version: number; integrations: ResolvedIntegration[] }>();

  constructor(
    private readonly deps: {
      store: Pick<Store, 'integrations' | 'customProviders' | 'orgConfigurations'>;
      catalog: ProviderCatalog;
    },
  ) {}

  /** The cached model, whatever its version (the caller checks it against the version it reads). */
  peek(environmentId: string, ownership: Ownership, organizationId: string | null): ListingModel | undefined {
    return this.models.get(modelKey(environmentId, ownership, organizationId));
  }

  /** Builds the model from the store, labels it `version` (read before this call) and keeps it. */
  async load(environmentId: string, ownership: Ownership, organizationId: string | null, version: number): Promise<ListingModel> {
    const { store } = this.deps;
    const [integrations, overrides] = await Promise.all([
      this.integrations(environmentId, ownership, version),
      organizationId ? store.orgConfigurations.listForOrganization(environmentId, organizationId) : Promise.resolve([]),
    ]);
    const overrideBySlug = new Map(overrides.map((o) => [o.slug, o]));
    const visible = integrations
      .map((integration) => ({
        integration,
        settings: effectiveSettings(integration.row, overrideBySlug.get(integration.row.slug) ?? null),
      }))
      .filter((v) => v.settings.enabled);
    const model: ListingModel = { version, visible, ids: visible.map((v) => v.integration.row.id) };
    if (this.models.size >= MAX_MODELS) this.models.clear();
    this.models.set(modelKey(environmentId, ownership, organizationId), model);
    return model;
  }

  private async integrations(environmentId: string, ownership: Ownership, version: number): Promise<ResolvedIntegration[]> {
    const key = `${environmentId}|${ownership}`;
    const cached = this.resolved.get(key);
    if (cached?.version === version) return cached.integrations;
    const { store, catalog } = this.deps;
    const [rows, customRows] = await Promise.all([
      store.integrations.listAll(environmentId, ownership),
      store.customProviders.listAll(environmentId),
    ]);
    const integrations = resolveIntegrations(catalog, rows, customRows);
    if (this.resolved.size >= MAX_MODELS) this.resolved.clear();
    this.resolved.set(key, { version, integrations });
    return integrations;
  }
}

const modelKey = (environmentId: string, ownership: Ownership, organizationId: string | null): string =>
  `${environmentId}|${ownership}|${organizationId ?? ''}`;
