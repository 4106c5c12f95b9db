import type { ProviderDefinition } from '../provider-definition.ts';

export const box: ProviderDefinition = {
  slug: 'box',
  name: 'Box',
  description: 'Access files and folders in Box.',
  docsUrl: 'https://developer.box.com/guides/authentication/tokens/access-tokens/',
  authMethods: ['oauth'],
  authorizationUrl: 'https://account.box.com/api/oauth2/authorize',
  tokenUrl: 'https://api.box.com/oauth2/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://api.box.com/oauth2/revoke',
  revocationAuth: 'client_secret_post',
  // Box grants the scopes configured on the app.
  defaultScopes: [],
  scopeSeparator: ' ',
  // Not documented by Box.
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
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
