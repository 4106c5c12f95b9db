import type { ProviderDefinition } from '../provider-definition.ts';

export const monday: ProviderDefinition = {
  slug: 'monday',
  name: 'monday.com',
  description: 'Access boards and items in a monday.com account.',
  docsUrl: 'https://developer.monday.com/apps/docs/oauth',
  authMethods: ['oauth'],
  authorizationUrl: 'https://auth.monday.com/oauth2/authorize',
  tokenUrl: 'https://auth.monday.com/oauth2/token',
  refreshTokenUrl: null,
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['me:read'],
  scopeSeparator: ' ',
  // Only in monday's opt-in OAuth 2.1 flow (with refresh tokens); this entry uses the classic non-expiring
  // flow.
  pkce: false,
  clientAuth: 'client_secret_post',
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
    accessTokenNeverExpires: true,
    refreshTokenRotates: false,
  },
};
