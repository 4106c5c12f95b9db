import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const GUIDE = 'https://developer.constantcontact.com/api_guide';

export const constantContact: ProviderEntry = {
  slug: 'constant-contact',
  name: 'Constant Contact',
  description: 'Manage contacts, lists and email campaigns in a Constant Contact account.',
  category: 'marketing',
  docsUrl: `${GUIDE}/server_flow.html`,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.cc.email/v3',
  oauth: {
    authorizationUrl: 'https://authz.constantcontact.com/oauth2/default/v1/authorize',
    tokenUrl: 'https://authz.constantcontact.com/oauth2/default/v1/token',
    clientAuth: 'basic',
    // The documented token request carries its parameters in the query string of the POST.
    tokenRequestEncoding: 'query',
    // offline_access is required for a refresh token.
    defaultScopes: ['account_read', 'offline_access'],
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(`${GUIDE}/server_flow.html`),
    tokenUrl: doc(`${GUIDE}/server_flow.html`),
    pkce: unconfirmed('PKCE is documented for public clients without a secret; the server flow used here does not use it.'),
    clientAuth: doc(`${GUIDE}/auth_overview.html`),
    tokenRequestEncoding: doc(`${GUIDE}/server_flow.html`),
    scopeSeparator: doc(`${GUIDE}/server_flow.html`),
    defaultScopes: doc(`${GUIDE}/scopes.html`),
    tokenLifetime: doc(`${GUIDE}/server_flow.html`),
    // Rotating refresh tokens are the default (long-lived ones can be chosen per app); a refresh
    // answer always carries a refresh token.
    refreshToken: doc('https://community.constantcontact.com/t5/API-Developer-Support/Refresh-token-expiry/td-p/402882'),
    revocation: unconfirmed('No revocation endpoint is documented in the V3 guide; left unset.'),
    apiBaseUrl: doc(`${GUIDE}/v3_technical_overview.html`),
  },
};
