import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/';
const TOKEN = 'https://developers.pinterest.com/docs/api/v5/oauth-token';

export const pinterest: ProviderEntry = {
  slug: 'pinterest',
  name: 'Pinterest',
  description: 'Read and create pins and boards, and read analytics, for a Pinterest account.',
  category: 'social',
  docsUrl: AUTH,
  logo: 'pinterest',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.pinterest.com/v5',
  oauth: {
    authorizationUrl: 'https://www.pinterest.com/oauth/',
    tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
    clientAuth: 'basic',
    scopeSeparator: ',',
    defaultScopes: ['user_accounts:read'],
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(TOKEN),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(TOKEN),
    tokenRequestEncoding: doc(TOKEN),
    scopeSeparator: doc(AUTH),
    defaultScopes: doc(AUTH),
    tokenLifetime: doc(TOKEN),
    refreshToken: unconfirmed(
      'Refresh tokens are issued (continuous refresh is becoming the default); strict rotation is not stated, so it is not assumed.',
    ),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    apiBaseUrl: doc(TOKEN),
  },
};
