import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const figma: ProviderEntry = {
  slug: 'figma',
  name: 'Figma',
  description: 'Read Figma files, comments and design data.',
  category: 'docs-design',
  docsUrl: 'https://developers.figma.com/docs/rest-api/authentication/',
  logo: 'figma',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.figma.com/v1',
  oauth: {
    authorizationUrl: 'https://www.figma.com/oauth',
    tokenUrl: 'https://api.figma.com/v1/oauth/token',
    refreshTokenUrl: 'https://api.figma.com/v1/oauth/refresh',
    clientAuth: 'basic',
    scopeSeparator: ',',
    defaultScopes: ['current_user:read'],
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: www.figma.com/api/oauth/token was retired in 2025 for api.figma.com.',
    ),
    refreshTokenUrl: unconfirmed(
      "Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Figma refreshes at a separate endpoint; path not confirmed from Figma's own page.",
    ),
    pkce: unconfirmed(
      "Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Not confirmed from Figma's docs.",
    ),
    clientAuth: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: api.figma.com takes client credentials as Basic auth.',
    ),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed(
      "Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Comma per Figma's examples; not confirmed.",
    ),
    defaultScopes: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: No revocation endpoint documented.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
