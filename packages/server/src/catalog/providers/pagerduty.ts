import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const USER_TOKEN = 'https://developer.pagerduty.com/docs/user-oauth-token-via-code-grant';

export const pagerduty: ProviderEntry = {
  slug: 'pagerduty',
  name: 'PagerDuty',
  description: 'Read incidents, services, schedules and on-call data in a PagerDuty account (US service region).',
  category: 'monitoring',
  docsUrl: USER_TOKEN,
  logo: 'pagerduty',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.pagerduty.com',
  oauth: {
    authorizationUrl: 'https://identity.pagerduty.com/oauth/authorize',
    tokenUrl: 'https://identity.pagerduty.com/oauth/token',
    // Required for Scoped OAuth apps, recommended for Classic ones.
    pkce: true,
    // Classic User OAuth read access; Scoped OAuth apps set their own scope list on the integration.
    defaultScopes: ['read'],
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(USER_TOKEN),
    tokenUrl: doc(USER_TOKEN),
    pkce: doc(USER_TOKEN),
    clientAuth: doc(USER_TOKEN),
    tokenRequestEncoding: doc(USER_TOKEN),
    scopeSeparator: doc(USER_TOKEN),
    defaultScopes: doc(USER_TOKEN),
    tokenLifetime: doc(USER_TOKEN),
    refreshToken: doc(USER_TOKEN),
    revocation: unconfirmed('The token guide documents no revocation endpoint; none is configured.'),
    apiBaseUrl: doc(USER_TOKEN),
  },
};
