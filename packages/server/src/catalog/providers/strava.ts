import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://developers.strava.com/docs/authentication/';
const SCOPES = 'https://developers.strava.com/docs/oauth-updates/';

export const strava: ProviderEntry = {
  slug: 'strava',
  name: 'Strava',
  description: "Read a Strava athlete's profile and activities through the V3 API.",
  category: 'social',
  docsUrl: AUTH,
  logo: 'strava',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://www.strava.com/api/v3',
  oauth: {
    authorizationUrl: 'https://www.strava.com/oauth/authorize',
    tokenUrl: 'https://www.strava.com/oauth/token',
    scopeSeparator: ',',
    defaultScopes: ['read'],
    tokenLifetimeSeconds: 21600,
    metadataFields: ['athlete.id'],
    // The athlete may untick requested scopes; the callback says which were accepted.
    callbackParams: ['scope'],
    // Deauthorization takes the access token in an access_token field and no client credentials.
    revocation: { url: 'https://www.strava.com/oauth/deauthorize', auth: 'none', tokenField: 'access_token' },
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(AUTH),
    pkce: unconfirmed('The authentication page does not mention PKCE; PKCE off.'),
    clientAuth: doc(AUTH),
    tokenRequestEncoding: unconfirmed('The page lists the POST parameters without an encoding; RFC 6749 form encoding is used.'),
    scopeSeparator: doc(AUTH),
    defaultScopes: doc(SCOPES),
    tokenLifetime: doc(AUTH),
    refreshToken: doc(AUTH),
    revocation: doc(AUTH),
    callbackParams: doc(AUTH),
    tokenResponse: doc(AUTH),
    apiBaseUrl: doc(AUTH),
  },
};
