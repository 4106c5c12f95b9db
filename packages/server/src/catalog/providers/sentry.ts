import { apiKeyField } from '../api-key-fields.ts';
import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://docs.sentry.io/api/auth/';
const PERMISSIONS = 'https://docs.sentry.io/api/permissions/';

// Self-hosted Sentry and region hosts are not modelled: sentry.io only. OAuth is Sentry's generic authorization
// code flow (docs.sentry.io/api/auth/); the public-integration install flow exchanges its code at a URL that
// embeds the installation id from the callback, which a catalog URL template cannot express.
export const sentry: ProviderEntry = {
  slug: 'sentry',
  name: 'Sentry',
  description:
    'Read issues, events, releases and projects of a Sentry organisation, either as a user who authorizes the app or with an auth token.',
  category: 'monitoring',
  docsUrl: AUTH,
  logo: 'sentry',
  authMethods: ['oauth', 'api_key'],
  apiBaseUrl: 'https://sentry.io/api/0',
  oauth: {
    authorizationUrl: 'https://sentry.io/oauth/authorize/',
    tokenUrl: 'https://sentry.io/oauth/token/',
    pkce: true,
    // org:read lists the user's organisations: enough to tell which account is connected, nothing writable.
    defaultScopes: ['org:read'],
  },
  apiKey: {
    fields: [apiKeyField('Auth token', 'An organisation or internal-integration auth token (or a user token for user endpoints).')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(AUTH),
    pkce: doc(AUTH),
    clientAuth: doc(AUTH),
    tokenRequestEncoding: doc(AUTH),
    scopeSeparator: doc(AUTH),
    defaultScopes: doc(PERMISSIONS),
    tokenLifetime: doc(AUTH),
    refreshToken: unconfirmed(
      'Refresh at the token endpoint is documented on https://docs.sentry.io/api/auth/; whether the refresh token rotates is not stated (a returned one replaces the stored one).',
    ),
    revocation: unconfirmed('No OAuth token revocation endpoint is documented for third-party applications; none is called.'),
    apiBaseUrl: doc(AUTH),
    apiKey: doc(AUTH),
  },
};
