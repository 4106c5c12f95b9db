import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://dev.frontapp.com/docs/oauth';

export const front: ProviderEntry = {
  slug: 'front',
  name: 'Front',
  description: 'Work with shared inboxes, conversations, contacts and tags in a Front workspace.',
  category: 'support',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api2.frontapp.com',
  oauth: {
    authorizationUrl: 'https://app.frontapp.com/oauth/authorize',
    tokenUrl: 'https://app.frontapp.com/oauth/token',
    clientAuth: 'basic',
    // The token response carries expires_at (a timestamp), not expires_in; access tokens last an hour.
    tokenLifetimeSeconds: 3600,
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: unconfirmed('The parameters are listed without a content type; form encoding (RFC 6749) is used.'),
    scopeSeparator: unconfirmed('The authorize request takes no scope parameter; the OAuth default (space) is kept.'),
    // Permissions are set on the app; OAuth tokens reach shared resources only.
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(OAUTH),
    // Refreshing returns the same or a new refresh token (renewed near the end of its six months), so
    // strict rotation is not declared.
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    tokenResponse: doc(OAUTH),
    apiBaseUrl: doc('https://dev.frontapp.com/reference/introduction'),
  },
};
