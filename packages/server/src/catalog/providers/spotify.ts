import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const CODE_FLOW = 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow';
const PKCE_FLOW = 'https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow';
const REFRESH = 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens';
const SCOPES = 'https://developer.spotify.com/documentation/web-api/concepts/scopes';

export const spotify: ProviderEntry = {
  slug: 'spotify',
  name: 'Spotify',
  description: "Read a Spotify user's profile, library, playlists and playback through the Web API.",
  category: 'social',
  docsUrl: CODE_FLOW,
  logo: 'spotify',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.spotify.com/v1',
  oauth: {
    authorizationUrl: 'https://accounts.spotify.com/authorize',
    tokenUrl: 'https://accounts.spotify.com/api/token',
    pkce: true,
    clientAuth: 'basic',
    defaultScopes: ['user-read-email'],
  },
  sources: {
    authorizationUrl: doc(CODE_FLOW),
    tokenUrl: doc(CODE_FLOW),
    pkce: doc(PKCE_FLOW),
    clientAuth: doc(CODE_FLOW),
    tokenRequestEncoding: doc(CODE_FLOW),
    scopeSeparator: doc(CODE_FLOW),
    defaultScopes: doc(SCOPES),
    tokenLifetime: doc(CODE_FLOW),
    // "A new refresh token might be returned too": sometimes, so not every refresh rotates.
    refreshToken: doc(REFRESH),
    revocation: unconfirmed('Spotify documents no token revocation endpoint (users remove apps in their account); none is configured.'),
    apiBaseUrl: doc(CODE_FLOW),
  },
};
