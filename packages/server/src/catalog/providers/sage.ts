import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHENTICATION = 'https://developer.sage.com/accounting/guides/authenticating/authentication/';

export const sage: ProviderEntry = {
  slug: 'sage',
  name: 'Sage Accounting',
  description: 'Access contacts, invoices, ledgers and bank data in Sage Business Cloud Accounting (UK, Ireland, Canada).',
  category: 'accounting',
  docsUrl: AUTHENTICATION,
  logo: 'sage',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.accounting.sage.com/v3.1',
  oauth: {
    authorizationUrl: 'https://www.sageone.com/oauth2/auth/central',
    tokenUrl: 'https://oauth.accounting.sage.com/token',
    // Sage asks for S256 whenever PKCE is used; it is optional for confidential clients.
    pkce: true,
    defaultScopes: ['readonly'],
    // Only countries that serve API v3.1 are offered on the country screen.
    authorizationParams: { filter: 'apiv3.1' },
    refreshTokenRotates: true,
    // The country the user picked decides which regional server answers; kept for support.
    callbackParams: ['country'],
    metadataFields: ['requested_by_id'],
    // Only refresh tokens can be revoked (access tokens live five minutes).
    revocation: { url: 'https://oauth.accounting.sage.com/revoke' },
  },
  sources: {
    authorizationUrl: doc(AUTHENTICATION),
    tokenUrl: doc(AUTHENTICATION),
    pkce: doc(AUTHENTICATION),
    clientAuth: doc(AUTHENTICATION),
    tokenRequestEncoding: doc(AUTHENTICATION),
    scopeSeparator: unconfirmed('Sage scopes are single values (readonly or full_access); the RFC 6749 space is kept.'),
    defaultScopes: doc(AUTHENTICATION),
    tokenLifetime: doc(AUTHENTICATION),
    refreshToken: doc(AUTHENTICATION),
    revocation: doc(AUTHENTICATION),
    callbackParams: doc(AUTHENTICATION),
    tokenResponse: doc(AUTHENTICATION),
    apiBaseUrl: unconfirmed('The v3.1 base as the API reference presents it; the authentication guide does not state it.'),
  },
};
