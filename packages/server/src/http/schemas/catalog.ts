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

export const CatalogProviderList = Type.Object(
  { object: Type.Literal('list'), data: Type.Array(CatalogProvider) },
  { title: 'CatalogProviderList', examples: [EX.list(EX.CATALOG_PROVIDER, false)] },
);
export const CatalogParams = Type.Object({ slug: Slug }, { additionalProperties: false });
