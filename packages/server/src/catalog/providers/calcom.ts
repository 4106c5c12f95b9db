import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://cal.com/docs/api-reference/v2/oauth';

export const calcom: ProviderEntry = {
  slug: 'calcom',
  name: 'Cal.com',
  description: 'Bookings, event types and schedules of a Cal.com user through API v2 (OAuth clients are reviewed by Cal.com).',
  category: 'calendar-email',
  docsUrl: OAUTH,
  logo: 'caldotcom',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.cal.com/v2',
  oauth: {
    authorizationUrl: 'https://app.cal.com/auth/oauth2/authorize',
    tokenUrl: 'https://api.cal.com/v2/auth/oauth2/token',
    // The scope parameter is required; PROFILE_READ is the read-only scope behind GET /v2/me.
    defaultScopes: ['PROFILE_READ'],
    tokenLifetimeSeconds: 1800,
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    // PKCE is documented for public clients; this confidential client authenticates with its secret.
    pkce: doc(OAUTH),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(OAUTH),
    refreshToken: unconfirmed(
      'Refresh is documented at the token endpoint and returns a refresh_token; whether the old one is invalidated is not stated, so rotation is not assumed.',
    ),
    revocation: unconfirmed('The OAuth page documents no revocation endpoint; none is configured.'),
    apiBaseUrl: doc(OAUTH),
  },
};
