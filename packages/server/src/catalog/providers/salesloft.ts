import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/';

export const salesloft: ProviderEntry = {
  slug: 'salesloft',
  name: 'Salesloft',
  description: 'Work with people, cadences, calls and emails in a Salesloft team.',
  category: 'crm',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.salesloft.com/v2',
  oauth: {
    authorizationUrl: 'https://accounts.salesloft.com/oauth/authorize',
    tokenUrl: 'https://accounts.salesloft.com/oauth/token',
    // The documented token request is a JSON object.
    tokenRequestEncoding: 'json',
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: unconfirmed(
      'The authorize URL takes no scope parameter (scopes are chosen on the app); the OAuth default (space) is kept.',
    ),
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    apiBaseUrl: doc('https://developers.salesloft.com/docs/api/'),
  },
};
