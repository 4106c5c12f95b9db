import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://docs.attio.com/docs/oauth';

export const attio: ProviderEntry = {
  slug: 'attio',
  name: 'Attio',
  description: 'Read and write records, lists, notes and tasks in an Attio workspace.',
  category: 'crm',
  docsUrl: 'https://docs.attio.com/rest-api/guides/authentication',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.attio.com/v2',
  oauth: {
    authorizationUrl: 'https://app.attio.com/authorize',
    tokenUrl: 'https://app.attio.com/oauth/token',
    accessTokenNeverExpires: true,
    revocation: { url: 'https://app.attio.com/oauth/revoke', auth: 'none' },
  },
  sources: {
    authorizationUrl: doc(`${OAUTH}/authorize`),
    tokenUrl: doc(`${OAUTH}/token`),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(`${OAUTH}/token`),
    tokenRequestEncoding: unconfirmed('The token page lists the parameters but no content type; form encoding (RFC 6749) is used.'),
    scopeSeparator: unconfirmed('The authorize endpoint takes no scope parameter; the OAuth default (space) is kept.'),
    // Scopes are configured on the app in the developer dashboard, not requested on authorize.
    defaultScopes: doc(`${OAUTH}/authorize`),
    tokenLifetime: doc(`${OAUTH}/token`),
    refreshToken: doc(`${OAUTH}/token`),
    revocation: doc(`${OAUTH}/revoke`),
    apiBaseUrl: doc('https://docs.attio.com/rest-api/guides/authentication'),
  },
};
