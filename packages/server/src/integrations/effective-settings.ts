import type { Integration } from '../domain/integration.ts';
import type { OrgConfiguration } from '../domain/org-configuration.ts';
import type { StoredConfig } from '../domain/stored-config.ts';

export interface EffectiveSettings {
  enabled: boolean;
  /** null: the provider's default scopes. */
  scopes: string[] | null;
  /** Config in force (the organization's over the integration's, for organization-credential providers). */
  config: StoredConfig;
}

/**
 * An organization's view of an integration (§1.4): each part of the override, when set, wins
 * over the environment-wide value. Org config only counts for organization-credential providers.
 */
export function effectiveSettings(integration: Integration, override: OrgConfiguration | null): EffectiveSettings {
  const orgCredentials = integration.credentials_type === 'organization';
  return {
    enabled: override?.enabled ?? integration.enabled,
    scopes: override?.scopes ?? integration.scopes,
    config: orgCredentials ? integration.config.under(override?.config ?? null) : integration.config,
  };
}

/** The integration that speaks for a slug in organization views: the user-owned root wins (§10.3). */
export function primaryPerSlug<T extends { row: Integration }>(items: readonly T[]): T[] {
  const bySlug = new Map<string, T>();
  for (const item of items) {
    const seen = bySlug.get(item.row.slug);
    if (!seen || (seen.row.ownership === 'organization' && item.row.ownership === 'user')) bySlug.set(item.row.slug, item);
  }
  return [...bySlug.values()].sort((a, b) => (a.row.slug < b.row.slug ? -1 : a.row.slug > b.row.slug ? 1 : 0));
}
