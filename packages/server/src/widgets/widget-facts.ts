import type { ConfigField } from '../catalog/provider-definition.ts';
import { requestedScopes } from '../connections/requested-scopes.ts';
import type { Integration } from '../domain/integration.ts';
import type { OrgConfiguration } from '../domain/org-configuration.ts';
import type { StoredConfig } from '../domain/stored-config.ts';
import type { EffectiveSettings } from '../integrations/effective-settings.ts';
import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';

/**
 * The computed fields of the widget objects (widgets-api.md §4, §12): what the widgets decide
 * from, derived from an integration, the organization's override and the effective settings.
 * No storage of their own.
 */

/** Shown instead of a set secret config value, so that the field counts as pinned (§4.3). */
export const SECRET_MASK = '********';

/** `credentialsType` (§4.3, §4.5): who supplies the OAuth app; `custom` for non-OAuth roots. Never `shared` (API §10.7). */
export const credentialsTypeOf = (row: Integration): 'custom' | 'organization' =>
  row.auth_method === 'oauth' && row.credentials_type === 'organization' ? 'organization' : 'custom';

/** The organization has supplied both halves of its own OAuth app. */
export const hasOrganizationApp = (override: OrgConfiguration | null): boolean => !!override?.client_id && !!override.client_secret;

/** An organization-credential root the organization (or a token without one) cannot connect yet (§5 W3). */
export const needsOrganizationApp = (row: Integration, override: OrgConfiguration | null): boolean =>
  credentialsTypeOf(row) === 'organization' && !hasOrganizationApp(override);

/** `configured` (§4.7): OAuth needs a usable app (the organization's or the integration's); other methods need nothing. */
export function isConfigured(row: Integration, override: OrgConfiguration | null): boolean {
  if (row.auth_method !== 'oauth') return true;
  if (credentialsTypeOf(row) === 'organization') return hasOrganizationApp(override);
  return !!row.client_id && row.client_secret !== null;
}

/** `disabledSource` (§4.7): null when enabled; the organization's own "off" wins over the developer's. */
export function disabledSourceOf(override: OrgConfiguration | null, settings: EffectiveSettings): 'developer' | 'organization' | null {
  if (settings.enabled) return null;
  return override?.enabled === false ? 'organization' : 'developer';
}

/** `capabilities` (§4.7, §13.5): connect-type actions need a member (`sub`) to act for the organization. */
export function capabilitiesOf(enabled: boolean, configured: boolean, hasActingUser: boolean) {
  return {
    canConfigure: true,
    canConnect: enabled && configured && hasActingUser,
    canReauthorize: enabled && configured && hasActingUser,
    canUpdateCredentials: enabled && hasActingUser,
    canDisconnect: true,
  };
}

/** `defaultScopes` (§12.10): the developer's set, else the catalog's. */
export const defaultScopesOf = ({ row, provider }: ResolvedIntegration): string[] => [...(row.scopes ?? provider.defaultScopes)];

/** `availableScopes` (§12.10): the catalog has no full scope lists yet, so its defaults for organization credentials. */
export const availableScopesOf = ({ row, provider }: ResolvedIntegration): string[] =>
  credentialsTypeOf(row) === 'organization' ? [...provider.defaultScopes] : [];

/** Effective requested scopes for the organization, never null (§4.3, §4.6). */
export const effectiveScopesOf = ({ provider }: ResolvedIntegration, settings: EffectiveSettings): string[] =>
  requestedScopes(provider, settings.scopes, null);

/**
 * `config` of a DataIntegration (§4.3): the values in force, a set secret value replaced by
 * SECRET_MASK. The widget only tests which fields are pinned; secrets are opened here to learn
 * which are set and never leave this function.
 */
export function pinnedConfig(config: StoredConfig, fields: readonly ConfigField[]): Record<string, string> {
  const out = config.open(fields);
  for (const f of fields) if (f.secret && out[f.name] !== undefined) out[f.name] = SECRET_MASK;
  return out;
}

/** `integrationType` (§4.3): the built-in slug, `custom` for a custom provider. */
export const integrationTypeOf = ({ row, custom }: ResolvedIntegration): string => (custom === null ? row.slug : 'custom');

/** `description` (§4.3): the integration's own, else the catalog's, else null. */
export const descriptionOf = ({ row, provider }: ResolvedIntegration): string | null => row.description ?? (provider.description || null);

/** `ownership` (§4.3): the widgets' spelling of the root's ownership. */
export const widgetOwnershipOf = (row: Integration): 'userland_user' | 'organization' =>
  row.ownership === 'user' ? 'userland_user' : 'organization';
