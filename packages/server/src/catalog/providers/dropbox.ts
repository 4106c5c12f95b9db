import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const dropbox: ProviderEntry = {
  slug: 'dropbox',
  name: 'Dropbox',
  description: 'Access files and folders in Dropbox.',
  category: 'files',
  docsUrl: 'https://developers.dropbox.com/oauth-guide',
  logo: 'dropbox',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.dropboxapi.com/2',
  oauth: {
    authorizationUrl: 'https://www.dropbox.com/oauth2/authorize',
    tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
    pkce: true,
    defaultScopes: ['account_info.read'],
    // offline is what makes Dropbox issue a refresh token alongside its short-lived access token.
    authorizationParams: {
      token_access_type: 'offline',
    },
    metadataFields: ['account_id', 'uid', 'team_id'],
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Dropbox revokes with POST https://api.dropboxapi.com/2/auth/token/revoke authenticated by the access token itself, which the old format could not express.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenResponse: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
