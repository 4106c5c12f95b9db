import type { ProviderDefinition } from '../catalog/provider-definition.ts';

/** The scopes a connection asks for: the org override, else the integration's, else the provider's defaults. */
export function requestedScopes(
  provider: Pick<ProviderDefinition, 'defaultScopes'> | null,
  integrationScopes: readonly string[] | null,
  overrideScopes: readonly string[] | null,
): string[] {
  return [...(overrideScopes ?? integrationScopes ?? provider?.defaultScopes ?? [])];
}

/**
 * Requested scopes the grant lacks (§3.5 `missing_scopes`). `offline_access` asks for a refresh
 * token rather than for access, and OpenID providers leave it out of the granted scopes, so it is
 * never reported missing. A scope granted under one of its catalog aliases (`oauth.scopeAliases`:
 * Google answers `email` as `https://www.googleapis.com/auth/userinfo.email`) counts as granted.
 */
export const missingScopes = (
  requested: readonly string[],
  granted: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): string[] => {
  const have = new Set(granted);
  const held = (scope: string) => have.has(scope) || (Object.hasOwn(aliases, scope) && (aliases[scope] ?? []).some((a) => have.has(a)));
  return requested.filter((s) => s !== 'offline_access' && !held(s));
};
