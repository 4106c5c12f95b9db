import type { OAuthSettings, ProviderDefinition } from '../catalog/provider-definition.ts';

/**
 * The provider's OAuth facts with every default filled (the catalog's `oauth` block; custom providers
 * get the same shape). The request builders and the response processor read them from here only.
 *
 * @throws Error for a provider without OAuth (an API-key provider): a caller bug, never provider input.
 */
export function oauthOf(provider: Pick<ProviderDefinition, 'slug' | 'oauth'>): OAuthSettings {
  if (!provider.oauth) throw new Error(`Provider "${provider.slug}" has no OAuth settings`);
  return provider.oauth;
}
