import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHENTICATION = 'https://www.freshbooks.com/api/authentication';
const TUTORIAL = 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api';

export const freshbooks: ProviderEntry = {
  slug: 'freshbooks',
  name: 'FreshBooks',
  description: 'Read and manage invoices, clients, expenses and time entries in FreshBooks accounting.',
  category: 'accounting',
  docsUrl: AUTHENTICATION,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.freshbooks.com',
  oauth: {
    authorizationUrl: 'https://auth.freshbooks.com/oauth/authorize',
    tokenUrl: 'https://api.freshbooks.com/auth/oauth/token',
    // Needed by the identity endpoint every other call starts from (it lists the account and business ids).
    defaultScopes: ['user:profile:read'],
    tokenLifetimeSeconds: 12 * 3600,
    // A refresh token never expires but works once: each refresh hands out the next one.
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(TUTORIAL),
    tokenUrl: doc(TUTORIAL),
    pkce: unconfirmed('The authentication pages describe no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(TUTORIAL),
    tokenRequestEncoding: unconfirmed(
      'The tutorial sends the parameters as form fields (curl -F, multipart); the entry sends the standard urlencoded form.',
    ),
    scopeSeparator: unconfirmed('Scopes are chosen on the app; no separator is shown, so the RFC 6749 space is used.'),
    defaultScopes: doc('https://www.freshbooks.com/api/scopes'),
    tokenLifetime: doc(TUTORIAL),
    refreshToken: doc(TUTORIAL),
    revocation: unconfirmed('No revocation endpoint is documented on the authentication pages; none is called.'),
    apiBaseUrl: doc('https://www.freshbooks.com/api/me_endpoint'),
  },
};
