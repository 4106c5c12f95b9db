import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developer.keap.com/getting-started-oauth-keys/';

export const keap: ProviderEntry = {
  slug: 'keap',
  name: 'Keap',
  description: 'Manage contacts, companies, orders and automations in a Keap (Infusionsoft) app.',
  category: 'crm',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.infusionsoft.com/crm/rest',
  oauth: {
    authorizationUrl: 'https://accounts.infusionsoft.com/app/oauth/authorize',
    tokenUrl: 'https://api.infusionsoft.com/token',
    // The code exchange documents client_id/client_secret in the body and the refresh request a Basic
    // header; sending both satisfies each request.
    clientAuth: 'both',
    defaultScopes: ['full'],
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: unconfirmed('The only scope value is "full", so the separator is never used; the OAuth default (space) is kept.'),
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    apiBaseUrl: doc('https://developer.infusionsoft.com/docs/rest/'),
  },
};
