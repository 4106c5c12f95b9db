import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developer.atlassian.com/cloud/bitbucket/oauth-2/';

export const bitbucket: ProviderEntry = {
  slug: 'bitbucket',
  name: 'Bitbucket',
  description: 'Access repositories and pull requests on Bitbucket Cloud.',
  category: 'developer',
  docsUrl: OAUTH,
  logo: 'bitbucket',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.bitbucket.org/2.0',
  oauth: {
    authorizationUrl: 'https://bitbucket.org/site/oauth2/authorize',
    tokenUrl: 'https://bitbucket.org/site/oauth2/access_token',
    clientAuth: 'basic',
    defaultScopes: ['account'],
    // The answer names the granted scopes in `scopes`, space-separated.
    scopeResponseField: 'scopes',
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('Not documented for Bitbucket Cloud: PKCE off (conservative).'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('No revocation endpoint is documented for Bitbucket Cloud OAuth consumers.'),
    tokenResponse: doc(OAUTH),
    apiBaseUrl: doc('https://developer.atlassian.com/cloud/bitbucket/rest/intro/'),
  },
};
