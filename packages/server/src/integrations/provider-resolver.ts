import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import type { CustomProviderRow, IntegrationRow } from '../store/integrations-repo.ts';
import type { Store } from '../store/store.ts';
import { CUSTOM_PROVIDER_DEFAULTS, customToDefinition, type CustomProviderWire } from './custom-provider.ts';

/** An integration row together with the provider it configures. */
export interface ResolvedIntegration {
  row: IntegrationRow;
  provider: ProviderDefinition;
  /** The custom definition (wire form) for custom providers, else null. */
  custom: CustomProviderWire | null;
}

/** Stored definitions gain later fields' defaults when read (no data migration for additive fields). */
export const parseCustomDefinition = (row: CustomProviderRow): CustomProviderWire => ({
  ...CUSTOM_PROVIDER_DEFAULTS,
  ...(JSON.parse(row.definition) as Partial<CustomProviderWire>),
}) as CustomProviderWire;

/**
 * Pairs integration rows with their provider: the built-in catalog entry, or the environment's
 * custom definition. Takes the custom rows in (one query for a whole listing) rather than
 * looking each up.
 */
export function resolveIntegrations(
  catalog: ProviderCatalog,
  rows: readonly IntegrationRow[],
  customRows: readonly CustomProviderRow[],
): ResolvedIntegration[] {
  const customById = new Map(customRows.map((c) => [c.id, c]));
  const out: ResolvedIntegration[] = [];
  for (const row of rows) {
    const r = resolveIntegration(catalog, row, row.custom_provider_id ? (customById.get(row.custom_provider_id) ?? null) : null);
    if (r) out.push(r);
  }
  return out;
}

export function resolveIntegration(catalog: ProviderCatalog, row: IntegrationRow, customRow: CustomProviderRow | null): ResolvedIntegration | null {
  if (row.custom_provider_id !== null) {
    if (!customRow) return null;
    const custom = parseCustomDefinition(customRow);
    return { row, provider: customToDefinition(row.slug, custom, row.auth_method), custom };
  }
  const provider = catalog.get(row.slug);
  return provider ? { row, provider, custom: null } : null;
}

/** Loads what an integration row needs to be resolved (its custom definition, if any) and resolves it. */
export async function loadIntegration(store: Store, catalog: ProviderCatalog, row: IntegrationRow): Promise<ResolvedIntegration | null> {
  const custom = row.custom_provider_id ? await store.customProviders.bySlug(row.environment_id, row.slug) : null;
  return resolveIntegration(catalog, row, custom);
}
