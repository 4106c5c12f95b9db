import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OBTAINING = 'https://lucid.readme.io/reference/obtaining-an-access-token';
const REFRESHING = 'https://lucid.readme.io/reference/refreshing-the-access-token';
const USING = 'https://lucid.readme.io/reference/using-the-access-token';

export const lucid: ProviderEntry = {
  slug: 'lucid',
  name: 'Lucid',
  description: 'Access Lucidchart and Lucidspark documents, folders and users with Lucid user tokens.',
  category: 'docs-design',
  docsUrl: 'https://developer.lucid.co/reference/using-oauth-20',
  logo: 'lucid',
  authMethods: ['oauth'],
  // API calls also need a Lucid-Api-Version header.
  apiBaseUrl: 'https://api.lucid.co',
  oauth: {
    // User tokens; account tokens use /oauth2/authorizeAccount instead.
    authorizationUrl: 'https://lucid.app/oauth2/authorize',
    tokenUrl: 'https://api.lucid.co/oauth2/token',
    tokenRequestEncoding: 'json',
    // user.profile identifies the user; offline_access is what earns a refresh token.
    defaultScopes: ['user.profile', 'offline_access'],
    // A refresh invalidates the old access and refresh tokens.
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc('https://lucid.readme.io/reference/authorization-endpoints'),
    tokenUrl: doc(OBTAINING),
    pkce: unconfirmed('The OAuth guide describes no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(OBTAINING),
    tokenRequestEncoding: doc(OBTAINING),
    scopeSeparator: doc(OBTAINING),
    defaultScopes: doc(REFRESHING),
    tokenLifetime: doc(REFRESHING),
    refreshToken: doc(REFRESHING),
    revocation: unconfirmed('A revocation endpoint exists in the API reference but was not confirmed from the pages read; none is called.'),
    apiBaseUrl: doc(USING),
  },
};
