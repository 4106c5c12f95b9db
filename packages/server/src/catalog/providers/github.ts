import { doc, type ProviderEntry } from '../provider-definition.ts';

const AUTHORIZING = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps';
const SCOPES = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps';

export const github: ProviderEntry = {
  slug: 'github',
  name: 'GitHub',
  description: 'Access repositories, issues and pull requests on GitHub.',
  category: 'developer',
  docsUrl: AUTHORIZING,
  logo: 'github',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.github.com',
  oauth: {
    authorizationUrl: 'https://github.com/login/oauth/authorize',
    // Answers form-encoded unless the request sends `Accept: application/json`.
    tokenUrl: 'https://github.com/login/oauth/access_token',
    pkce: true,
    defaultScopes: ['read:user'],
    accessTokenNeverExpires: true,
    tokenErrorInOkResponse: true,
    // "Delete an app token": the client id in the path, the client as HTTP Basic, the token in a JSON body.
    revocation: {
      url: 'https://api.github.com/applications/${client_id}/token',
      method: 'DELETE',
      auth: 'basic',
      encoding: 'json',
      tokenField: 'access_token',
    },
  },
  sources: {
    authorizationUrl: doc(AUTHORIZING),
    tokenUrl: doc(AUTHORIZING),
    pkce: doc('https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication'),
    clientAuth: doc(AUTHORIZING),
    tokenRequestEncoding: doc(AUTHORIZING),
    scopeSeparator: doc(SCOPES),
    defaultScopes: doc(SCOPES),
    tokenLifetime: doc('https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/best-practices-for-creating-an-oauth-app'),
    refreshToken: doc(AUTHORIZING),
    revocation: doc('https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-token'),
    tokenResponse: doc(AUTHORIZING),
    apiBaseUrl: doc('https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api'),
  },
};
