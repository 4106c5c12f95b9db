import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const SETUP = 'https://developers.klaviyo.com/en/docs/set_up_oauth';

export const klaviyo: ProviderEntry = {
  slug: 'klaviyo',
  name: 'Klaviyo',
  description: 'Manage profiles, lists, campaigns and events in a Klaviyo account.',
  category: 'marketing',
  docsUrl: SETUP,
  authMethods: ['oauth'],
  // Requests also need a `revision` header naming the API version.
  apiBaseUrl: 'https://a.klaviyo.com/api',
  oauth: {
    authorizationUrl: 'https://www.klaviyo.com/oauth/authorize',
    // Token and revoke calls must go to a.klaviyo.com.
    tokenUrl: 'https://a.klaviyo.com/oauth/token',
    pkce: true,
    clientAuth: 'basic',
    defaultScopes: ['accounts:read'],
    revocation: { url: 'https://a.klaviyo.com/oauth/revoke', auth: 'basic' },
  },
  sources: {
    authorizationUrl: doc(SETUP),
    tokenUrl: doc(SETUP),
    pkce: doc(SETUP),
    clientAuth: doc(SETUP),
    tokenRequestEncoding: doc(SETUP),
    scopeSeparator: doc(SETUP),
    defaultScopes: doc('https://developers.klaviyo.com/en/reference/api_overview'),
    tokenLifetime: doc(SETUP),
    refreshToken: unconfirmed('Refresh tokens are issued; rotation is not stated, so it is not assumed.'),
    revocation: doc(SETUP),
    apiBaseUrl: doc('https://developers.klaviyo.com/en/reference/api_overview'),
  },
};
