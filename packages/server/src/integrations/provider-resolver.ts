import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import type { CustomProviderRecord } from '../domain/custom-provider-record.ts';
import type { Integration } from '../domain/integration.ts';
import type { Store } from '../store/store.ts';
import { CUSTOM_PROVIDER_DEFAULTS, customToDefinition, type CustomProviderWire } from './custom-provider.ts';

/** An integration together with the provider it configures. */
export interface ResolvedIntegration {
  row: Integration;
  provider: ProviderDefinition;
  /** The custom definition (wire form) for custom providers, else null. */
  custom: CustomProviderWire | null;
}

/** Stored definitions gain later fields' defaults when read (no data migration for additive fields). */
export const customDefinition = (record: CustomProviderRecord): CustomProviderWire =>
  ({ ...CUSTOM_PROVIDER_DEFAULTS, ...record.definition }) as CustomProviderWire;

/**
 * Pairs integrations with their provider: the built-in catalog entry, or the environment's
 * custom definition. Takes the custom records in (one query for a whole listing) rather than
 * looking each up.
 */
export function resolveIntegrations(
  catalog: ProviderCatalog,
  rows: readonly Integration[],
  customs: readonly CustomProviderRecord[],
): ResolvedIntegration[] {
  const customById = new Map(customs.map((c) => [c.id, c]));
  const out: ResolvedIntegration[] = [];
  for (const row of rows) {
    const r = resolveIntegration(catalog, row, row.custom_provider_id ? (customById.get(row.custom_provider_id) ?? null) : null);
    if (r) out.push(r);
  }
  return out;
}

function resolveIntegration(
  catalog: ProviderCatalog,
  row: Integration,
  customRecord: CustomProviderRecord | null,
): ResolvedIntegration | null {
  if (row.custom_provider_id !== null) {
    if (!customRecord) return null;
    const custom = customDefinition(customRecord);
    return { row, provider: customToDefinition(row.slug, custom, row.auth_method), custom };
  }
  const provider = catalog.get(row.slug);
  return provider ? { row, provider, custom: null } : null;
}

/** Loads what an integration needs to be resolved (its custom definition, if any) and resolves it. */
export async function loadIntegration(
  store: Pick<Store, 'customProviders'>,
  catalog: ProviderCatalog,
  row: Integration,
): Promise<ResolvedIntegration | null> {
  const custom = row.custom_provider_id ? await store.customProviders.bySlug(row.environment_id, row.slug) : null;
  return resolveIntegration(catalog, row, custom);
}
