import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const TOKENS = 'https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/';
const REFRESH = 'https://dev.twitch.tv/docs/authentication/refresh-tokens/';
const SCOPES = 'https://dev.twitch.tv/docs/authentication/scopes/';

export const twitch: ProviderEntry = {
  slug: 'twitch',
  name: 'Twitch',
  description: 'Act for a Twitch user through the Helix API (every Helix call also needs the Client-Id header).',
  category: 'social',
  docsUrl: TOKENS,
  logo: 'twitch',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.twitch.tv/helix',
  oauth: {
    authorizationUrl: 'https://id.twitch.tv/oauth2/authorize',
    tokenUrl: 'https://id.twitch.tv/oauth2/token',
    defaultScopes: ['user:read:email'],
  },
  sources: {
    authorizationUrl: doc(TOKENS),
    tokenUrl: doc(TOKENS),
    pkce: unconfirmed('PKCE is not part of the documented authorization code grant flow; PKCE off.'),
    clientAuth: doc(TOKENS),
    tokenRequestEncoding: doc(TOKENS),
    scopeSeparator: doc(TOKENS),
    defaultScopes: doc(SCOPES),
    tokenLifetime: doc(TOKENS),
    refreshToken: doc(REFRESH),
    revocation: unconfirmed(
      'POST https://id.twitch.tv/oauth2/revoke takes client_id and the access token in a field named token; the engine sends the refresh token to a token field, so none is configured.',
    ),
    // The token response lists granted scopes as a JSON array, which the engine reads as is.
    tokenResponse: doc(TOKENS),
    apiBaseUrl: doc('https://dev.twitch.tv/docs/api/'),
  },
};
