import type { ProviderDefinition } from '../provider-definition.ts';

export const google: ProviderDefinition = {
  slug: 'google',
  name: 'Google',
  description: 'Access Google account data such as Gmail, Calendar and Drive.',
  docsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server',
  authMethods: ['oauth'],
  authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://oauth2.googleapis.com/revoke',
  revocationAuth: 'client_secret_post',
  defaultScopes: ['openid', 'email', 'profile'],
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  // Without access_type=offline and prompt=consent Google omits the refresh token on re-consent.
  authorizationParams: {
    access_type: 'offline',
    prompt: 'consent',
  },
  tokenParams: {},
  issuer: 'https://accounts.google.com',
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
