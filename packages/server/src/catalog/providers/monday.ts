import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH_21 = 'https://developer.monday.com/apps/docs/oauth-2-1';
const MIGRATION = 'https://developer.monday.com/apps/docs/migrating-to-the-new-oauth-flow';

export const monday: ProviderEntry = {
  slug: 'monday',
  name: 'monday.com',
  description: 'Access boards and items in a monday.com account.',
  category: 'project-management',
  docsUrl: OAUTH_21,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.monday.com/v2',
  oauth: {
    // OAuth 2.1, the only flow for apps created since it became the default; the legacy /oauth2/token
    // flow issues non-expiring tokens that API version 2027-04 no longer accepts.
    authorizationUrl: 'https://auth.monday.com/oauth2/authorize',
    tokenUrl: 'https://auth.monday.com/oauth_ms/oauth/token',
    pkce: true,
    defaultScopes: ['me:read'],
    tokenLifetimeSeconds: 3600,
    refreshTokenRotates: true,
    revocation: { url: 'https://auth.monday.com/oauth_ms/oauth/revoke' },
  },
  sources: {
    authorizationUrl: doc(OAUTH_21),
    tokenUrl: doc(OAUTH_21),
    pkce: doc(OAUTH_21),
    clientAuth: doc(MIGRATION),
    tokenRequestEncoding: unconfirmed(
      'Form body: OAuth 2.1 token endpoints must accept application/x-www-form-urlencoded, and the pages list the parameters without an encoding.',
    ),
    scopeSeparator: unconfirmed('Space, the OAuth default: the pages list scopes but show no request with several of them.'),
    defaultScopes: doc('https://developer.monday.com/apps/docs/oauth'),
    tokenLifetime: unconfirmed(
      'Access tokens expire, but the documented answer has no expires_in and no lifetime is stated: one hour is assumed, so a token is refreshed early rather than late (overridable per integration).',
    ),
    refreshToken: doc(MIGRATION),
    revocation: doc(MIGRATION),
    apiBaseUrl: doc('https://developer.monday.com/api-reference/docs/basics'),
  },
};
