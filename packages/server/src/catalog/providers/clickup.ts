import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://developer.clickup.com/docs/authentication';
const TOKEN = 'https://developer.clickup.com/reference/getaccesstoken';

export const clickup: ProviderEntry = {
  slug: 'clickup',
  name: 'ClickUp',
  description: 'Access tasks, lists and spaces in ClickUp workspaces.',
  category: 'project-management',
  docsUrl: AUTH,
  logo: 'clickup',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.clickup.com/api/v2',
  oauth: {
    authorizationUrl: 'https://app.clickup.com/api',
    tokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
    // client_id, client_secret and code are query parameters of the POST.
    tokenRequestEncoding: 'query',
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(TOKEN),
    pkce: unconfirmed('Not documented: PKCE off (conservative).'),
    clientAuth: doc(TOKEN),
    tokenRequestEncoding: doc(TOKEN),
    scopeSeparator: unconfirmed('ClickUp has no scopes (the user picks workspaces on consent); the default separator is never used.'),
    defaultScopes: doc(AUTH),
    tokenLifetime: doc(AUTH),
    refreshToken: doc(AUTH),
    revocation: unconfirmed('No token revocation endpoint is documented; access ends when the user removes the app.'),
    apiBaseUrl: doc(TOKEN),
  },
};
