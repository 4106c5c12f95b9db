import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const GUIDE = 'https://developers.miro.com/docs/getting-started-with-oauth';
const EXCHANGE = 'https://developers.miro.com/reference/exchange-authorization-code-with-access-token';
const REFRESH = 'https://developers.miro.com/reference/get-new-access-token-using-refresh-token';
const REVOKE = 'https://developers.miro.com/reference/revoke-token-v2';

export const miro: ProviderEntry = {
  slug: 'miro',
  name: 'Miro',
  description: 'Access boards and their content in Miro.',
  category: 'docs-design',
  docsUrl: GUIDE,
  logo: 'miro',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.miro.com/v2',
  oauth: {
    authorizationUrl: 'https://miro.com/oauth/authorize',
    tokenUrl: 'https://api.miro.com/v1/oauth/token',
    // Every parameter, the client included, in the query string of the POST.
    tokenRequestEncoding: 'query',
    defaultScopes: ['boards:read'],
    // With "expire user authorization token" on, each refresh answers a new refresh token.
    refreshTokenRotates: true,
    metadataFields: ['team_id', 'user_id'],
    revocation: {
      url: 'https://api.miro.com/v2/oauth/revoke',
      auth: 'none',
      encoding: 'json',
      tokenField: 'accessToken',
      body: { clientId: '${client_id}', clientSecret: '${client_secret}' },
    },
  },
  sources: {
    authorizationUrl: doc(GUIDE),
    tokenUrl: doc(EXCHANGE),
    pkce: unconfirmed('Not documented for Miro apps: PKCE off (conservative).'),
    clientAuth: doc(EXCHANGE),
    tokenRequestEncoding: doc(EXCHANGE),
    scopeSeparator: doc(GUIDE),
    defaultScopes: doc('https://developers.miro.com/reference/scopes'),
    tokenLifetime: doc(REFRESH),
    refreshToken: doc(REFRESH),
    revocation: doc(REVOKE),
    tokenResponse: doc(EXCHANGE),
    apiBaseUrl: doc('https://developers.miro.com/reference/api-reference'),
  },
};
