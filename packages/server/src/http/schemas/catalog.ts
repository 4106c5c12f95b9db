import { Type } from 'typebox';
import * as EX from './examples.ts';
import { Slug } from './common.ts';

export const CatalogProvider = Type.Object(
  {
    object: Type.Literal('catalog_provider'),
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    category: Type.Union([Type.String(), Type.Null()], { description: 'The catalog category (docs/providers.md groups by it).' }),
    logo_url: Type.String({
      description: 'The provider logo (SVG, no API key needed): its simple-icons brand icon, or a generated monogram.',
    }),
    auth_methods: Type.Array(Type.String()),
    default_scopes: Type.Array(Type.String()),
    scope_separator: Type.String(),
    pkce: Type.Boolean(),
    docs_url: Type.String(),
    config_fields: Type.Array(
      Type.Object({
        name: Type.String(),
        label: Type.String(),
        description: Type.String(),
        scope: Type.Enum(['integration', 'installation']),
        required: Type.Boolean(),
        secret: Type.Boolean(),
        pattern: Type.String(),
        kind: Type.Optional(Type.Enum(['text', 'host', 'baseUrl'])),
      }),
    ),
  },
  { title: 'CatalogProvider', examples: [EX.CATALOG_PROVIDER] },
);

const FactSource = Type.Union(
  [
    Type.Object({
      url: Type.String({ description: "A page of the provider's own documentation stating the fact." }),
      checked: Type.String(),
    }),
    Type.Object({
      unconfirmed: Type.String({ description: 'The docs do not state it: what the entry chose and why.' }),
      checked: Type.String(),
    }),
    Type.Null(),
  ],
  { description: 'Where the fact is documented; `checked` is the day it was last checked (YYYY-MM-DD). `null`: the default, not sourced.' },
);

export const CatalogFact = Type.Object(
  { value: Type.Unknown({ description: 'The value the catalog uses (JSON; null where the provider has none).' }), source: FactSource },
  { title: 'CatalogFact' },
);

export const CatalogProviderDetail = Type.Object(
  {
    ...CatalogProvider.properties,
    api_base_url: Type.Union([Type.String(), Type.Null()]),
    facts: Type.Record(Type.String(), CatalogFact, {
      description:
        'Every fact of the entry with its source, keyed by fact: authorization_url, token_url, refresh_token_url, pkce, client_auth, token_request_encoding, redirect_uri_on_refresh, scope_separator, default_scopes, scope_aliases, token_lifetime, refresh_token, revocation, callback_params, token_response, issuer (OAuth entries), hosts, api_base_url, api_key (API-key entries).',
    }),
  },
  { title: 'CatalogProviderDetail', examples: [EX.CATALOG_PROVIDER_DETAIL] },
);

export const CatalogProviderList = Type.Object(
  { object: Type.Literal('list'), data: Type.Array(CatalogProvider) },
  { title: 'CatalogProviderList', examples: [EX.list(EX.CATALOG_PROVIDER, false)] },
);
export const CatalogParams = Type.Object({ slug: Slug }, { additionalProperties: false });
