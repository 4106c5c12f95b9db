import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const box: ProviderEntry = {
  slug: 'box',
  name: 'Box',
  description: 'Access files and folders in Box.',
  category: 'files',
  docsUrl: 'https://developer.box.com/guides/authentication/tokens/access-tokens/',
  logo: 'box',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.box.com/2.0',
  oauth: {
    authorizationUrl: 'https://account.box.com/api/oauth2/authorize',
    tokenUrl: 'https://api.box.com/oauth2/token',
    refreshTokenRotates: true,
    revocation: {
      url: 'https://api.box.com/oauth2/revoke',
    },
  },
  sources: {
    authorizationUrl: unconfirmed("https://account.box.com/api/oauth2/authorize (Box's API reference, get-authorize); not re-read today."),
    tokenUrl: doc('https://developer.box.com/guides/authentication/tokens/access-tokens/'),
    pkce: unconfirmed("Box's authorize reference lists no code_challenge parameter; PKCE off (conservative)."),
    clientAuth: doc('https://developer.box.com/reference/post-oauth2-token/'),
    tokenRequestEncoding: doc('https://developer.box.com/guides/authentication/tokens/access-tokens/'),
    scopeSeparator: unconfirmed(
      'Space, the RFC 6749 default; no scopes are requested (Box grants the scopes configured on the app), so the separator is not used.',
    ),
    defaultScopes: unconfirmed(
      'None requested: Box grants the scopes configured on the app, and the scope parameter of the authorize request is optional.',
    ),
    tokenLifetime: doc('https://developer.box.com/guides/authentication/tokens/access-tokens/'),
    refreshToken: unconfirmed(
      'Box documents refresh tokens as single use (each refresh returns a new one) and valid for 60 days; the refresh guide was not in the copies checked today, the access-token page shows the pair.',
    ),
    revocation: unconfirmed(
      "POST https://api.box.com/oauth2/revoke with client_id, client_secret and token in a form body (Box's API reference, post-oauth2-revoke); not re-read today.",
    ),
    apiBaseUrl: unconfirmed("https://api.box.com/2.0 is the base of every endpoint in Box's API reference; not re-read today."),
  },
};
