import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const GUIDE = 'https://developers.miro.com/docs/getting-started-with-oauth';
const EXCHANGE = 'https://developers.miro.com/reference/exchange-authorization-code-with-access-token';
const REFRESH = 'https://developers.miro.com/reference/get-new-access-token-using-refresh-token';

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
    // Miro's reference puts the parameters in the query string only so its portal can try them, and
    // recommends a request body: a form body (the default) it is.
    tokenUrl: 'https://api.miro.com/v1/oauth/token',
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
    defaultScopes: doc(GUIDE),
    tokenLifetime: doc(REFRESH),
    refreshToken: doc(REFRESH),
    revocation: unconfirmed(
      'Miro replaced the v1 revoke call (token in the query string, which the format cannot express) with POST /v2/oauth/revoke taking accessToken, clientId and clientSecret in a JSON body; that reference page could not be re-read for this review. Revocation is best effort: a refused request only logs.',
    ),
    tokenResponse: doc(EXCHANGE),
    apiBaseUrl: doc(EXCHANGE),
  },
};
