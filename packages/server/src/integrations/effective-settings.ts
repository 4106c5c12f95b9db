import type { IntegrationRow, OrgConfigurationRow } from '../store/integrations-repo.ts';

export interface EffectiveSettings {
  enabled: boolean;
  /** null: the provider's default scopes. */
  scopes: string[] | null;
  /** Stored config JSON in force (org override for organization-credential providers). */
  config: string;
}

/**
 * An organization's view of an integration (§1.4): each part of the override, when set, wins
 * over the environment-wide value. Org config only counts for organization-credential providers.
 */
export function effectiveSettings(integration: IntegrationRow, override: OrgConfigurationRow | null): EffectiveSettings {
  const orgCredentials = integration.credentials_type === 'organization';
  const scopes = override?.scopes ?? integration.scopes;
  return {
    enabled: override?.enabled !== null && override?.enabled !== undefined ? override.enabled === 1 : integration.enabled === 1,
    scopes: scopes === null ? null : (JSON.parse(scopes) as string[]),
    config: orgCredentials && override?.config ? mergeConfigJson(integration.config, override.config) : integration.config,
  };
}

const mergeConfigJson = (base: string, over: string): string =>
  JSON.stringify({ ...(JSON.parse(base) as Record<string, string>), ...(JSON.parse(over) as Record<string, string>) });

/** The integration that speaks for a slug in organization views: the user-owned root wins (§10.3). */
export function primaryPerSlug<T extends { row: IntegrationRow }>(items: readonly T[]): T[] {
  const bySlug = new Map<string, T>();
  for (const item of items) {
    const seen = bySlug.get(item.row.slug);
    if (!seen || (seen.row.ownership === 'organization' && item.row.ownership === 'user')) bySlug.set(item.row.slug, item);
  }
  return [...bySlug.values()].sort((a, b) => (a.row.slug < b.row.slug ? -1 : a.row.slug > b.row.slug ? 1 : 0));
}
