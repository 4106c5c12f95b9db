import type { ProviderDefinition } from '../provider-definition.ts';

export const x: ProviderDefinition = {
  slug: 'x',
  name: 'X (Twitter)',
  description: 'Read posts and profile data on X.',
  docsUrl: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token',
  authMethods: ['oauth'],
  authorizationUrl: 'https://x.com/i/oauth2/authorize',
  tokenUrl: 'https://api.x.com/2/oauth2/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://api.x.com/2/oauth2/revoke',
  revocationAuth: 'client_secret_basic',
  // offline.access is what makes X issue a refresh token.
  defaultScopes: ['tweet.read', 'users.read', 'offline.access'],
  scopeSeparator: ' ',
  // Required by X.
  pkce: true,
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
    refreshTokenRotates: true,
  },
};
