import { logoPath } from '../../catalog/logos.ts';
import { factKey, providerFacts } from '../../catalog/provider-facts.ts';
import type { ProviderDefinition } from '../../catalog/provider-definition.ts';

/** A built-in catalog entry as the extension route shows it: what an operator needs to configure it. */
export const presentCatalogProvider = (publicUrl: string, p: ProviderDefinition) => ({
  object: 'catalog_provider' as const,
  slug: p.slug,
  name: p.name,
  description: p.description,
  category: p.category,
  logo_url: `${publicUrl}${logoPath(p.slug)}`,
  auth_methods: [...p.authMethods],
  default_scopes: [...p.defaultScopes],
  scope_separator: p.scopeSeparator,
  pkce: p.pkce,
  docs_url: p.docsUrl,
  config_fields: p.configFields.map((f) => ({ ...f })),
});

/** `GET /catalog/providers/:slug`: the entry and every fact it states, each with its source. */
export const presentCatalogProviderDetail = (publicUrl: string, p: ProviderDefinition) => ({
  ...presentCatalogProvider(publicUrl, p),
  api_base_url: p.apiBaseUrl,
  facts: Object.fromEntries(providerFacts(p).map((fact) => [factKey(fact.name), { value: fact.value, source: fact.source }])),
});
