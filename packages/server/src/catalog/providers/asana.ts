import { doc, type ProviderEntry } from '../provider-definition.ts';

const OAUTH = 'https://developers.asana.com/docs/oauth';

export const asana: ProviderEntry = {
  slug: 'asana',
  name: 'Asana',
  description: 'Access tasks, projects and workspaces in Asana.',
  category: 'project-management',
  docsUrl: OAUTH,
  logo: 'asana',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://app.asana.com/api/1.0',
  oauth: {
    authorizationUrl: 'https://app.asana.com/-/oauth_authorize',
    tokenUrl: 'https://app.asana.com/-/oauth_token',
    // The user authorization endpoint takes code_challenge and code_challenge_method=S256.
    pkce: true,
    defaultScopes: ['users:read'],
    revocation: { url: 'https://app.asana.com/-/oauth_revoke' },
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: doc(OAUTH),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: doc('https://developers.asana.com/docs/oauth-scopes'),
    defaultScopes: doc('https://developers.asana.com/docs/oauth-scopes'),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: doc(OAUTH),
    apiBaseUrl: doc('https://developers.asana.com/docs/overview'),
  },
};
