import type { ProviderDefinition } from '../provider-definition.ts';

export const figma: ProviderDefinition = {
  slug: 'figma',
  name: 'Figma',
  description: 'Read Figma files, comments and design data.',
  docsUrl: 'https://developers.figma.com/docs/rest-api/authentication/',
  authMethods: ['oauth'],
  authorizationUrl: 'https://www.figma.com/oauth',
  // www.figma.com/api/oauth/token was retired in 2025 for api.figma.com, which takes client credentials as
  // Basic auth.
  tokenUrl: 'https://api.figma.com/v1/oauth/token',
  // Figma refreshes at a separate endpoint; path not confirmed from Figma's own page.
  refreshTokenUrl: 'https://api.figma.com/v1/oauth/refresh',
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['current_user:read'],
  // Comma per Figma's examples; not confirmed.
  scopeSeparator: ',',
  // Not confirmed from Figma's docs; no revocation endpoint documented.
  pkce: false,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [],
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
