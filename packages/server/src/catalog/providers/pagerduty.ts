import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const USER_TOKEN = 'https://developer.pagerduty.com/docs/user-oauth-token-via-code-grant';

export const pagerduty: ProviderEntry = {
  slug: 'pagerduty',
  name: 'PagerDuty',
  description: 'Read incidents, services, schedules and on-call data in a PagerDuty account (US or EU service region).',
  category: 'monitoring',
  docsUrl: USER_TOKEN,
  logo: 'pagerduty',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.pagerdutyApiHost}',
  // Sign-in is global (identity.pagerduty.com); only the REST API host depends on the account's service region.
  configFields: [
    {
      name: 'pagerdutyApiHost',
      label: 'PagerDuty API host',
      description: 'api.pagerduty.com (US service region, the default) or api.eu.pagerduty.com (EU service region).',
      scope: 'installation',
      pattern: '^api(?:\\.eu)?\\.pagerduty\\.com$',
      required: false,
      secret: false,
      kind: 'host',
      default: 'api.pagerduty.com',
    },
  ],
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
    apiBaseUrl: unconfirmed(
      'The guide calls the REST API at api.pagerduty.com; accounts in the EU service region use api.eu.pagerduty.com, which was not read on a PagerDuty page this time (the US host stays the default).',
    ),
  },
};
