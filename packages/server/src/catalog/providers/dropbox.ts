import type { ProviderDefinition } from '../provider-definition.ts';

export const dropbox: ProviderDefinition = {
  slug: 'dropbox',
  name: 'Dropbox',
  description: 'Access files and folders in Dropbox.',
  docsUrl: 'https://developers.dropbox.com/oauth-guide',
  authMethods: ['oauth'],
  authorizationUrl: 'https://www.dropbox.com/oauth2/authorize',
  tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
  refreshTokenUrl: null,
  // Dropbox revokes with POST https://api.dropboxapi.com/2/auth/token/revoke authenticated by the access
  // token itself, which revocationAuth cannot express.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['account_info.read'],
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  // offline is what makes Dropbox issue a refresh token alongside its short-lived access token.
  authorizationParams: {
    token_access_type: 'offline',
  },
  tokenParams: {},
  issuer: null,
  configFields: [],
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: ['account_id', 'uid', 'team_id'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
