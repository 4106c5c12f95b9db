import { doc, type ProviderEntry } from '../provider-definition.ts';

const GUIDE = 'https://developers.dropbox.com/oauth-guide';
const HTTP_DOCS = 'https://www.dropbox.com/developers/documentation/http/documentation';

export const dropbox: ProviderEntry = {
  slug: 'dropbox',
  name: 'Dropbox',
  description: 'Access files and folders in Dropbox.',
  category: 'files',
  docsUrl: GUIDE,
  logo: 'dropbox',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.dropboxapi.com/2',
  oauth: {
    authorizationUrl: 'https://www.dropbox.com/oauth2/authorize',
    tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
    pkce: true,
    defaultScopes: ['account_info.read'],
    // offline is what makes Dropbox issue a refresh token alongside its short-lived access token.
    authorizationParams: { token_access_type: 'offline' },
    metadataFields: ['account_id', 'uid', 'team_id'],
    // /2/auth/token/revoke: a bodiless POST authenticated by the access token it revokes (and, with it,
    // the refresh token it came from).
    revocation: { url: 'https://api.dropboxapi.com/2/auth/token/revoke', auth: 'bearer', encoding: 'none' },
  },
  sources: {
    authorizationUrl: doc(`${HTTP_DOCS}#oauth2-authorize`),
    tokenUrl: doc(`${HTTP_DOCS}#oauth2-token`),
    pkce: doc(GUIDE),
    clientAuth: doc(`${HTTP_DOCS}#oauth2-token`),
    tokenRequestEncoding: doc(`${HTTP_DOCS}#oauth2-token`),
    scopeSeparator: doc(`${HTTP_DOCS}#oauth2-authorize`),
    defaultScopes: doc(GUIDE),
    tokenLifetime: doc(GUIDE),
    refreshToken: doc(GUIDE),
    revocation: doc(`${HTTP_DOCS}#auth-token-revoke`),
    tokenResponse: doc(`${HTTP_DOCS}#oauth2-token`),
    apiBaseUrl: doc(HTTP_DOCS),
  },
};
