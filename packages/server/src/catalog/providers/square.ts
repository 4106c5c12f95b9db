import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHORIZE = 'https://developer.squareup.com/reference/square/o-auth/authorize';
const OBTAIN_TOKEN = 'https://developer.squareup.com/reference/square/o-auth/obtain-token';
const TOKEN_RESPONSE = 'https://developer.squareup.com/reference/square/objects/ObtainTokenResponse';

export const square: ProviderEntry = {
  slug: 'square',
  name: 'Square',
  description: 'Access payments, orders, customers, catalog and locations of a Square seller account.',
  category: 'payments',
  docsUrl: 'https://developer.squareup.com/docs/oauth-api/overview',
  logo: 'square',
  authMethods: ['oauth'],
  // Production only: the sandbox (connect.squareupsandbox.com) is another domain and needs its own entry.
  apiBaseUrl: 'https://connect.squareup.com/v2',
  oauth: {
    authorizationUrl: 'https://connect.squareup.com/oauth2/authorize',
    tokenUrl: 'https://connect.squareup.com/oauth2/token',
    tokenRequestEncoding: 'json',
    // Required by every Square endpoint, and enough to identify the seller.
    defaultScopes: ['MERCHANT_PROFILE_READ'],
    // Ask the seller to sign in rather than reuse whatever Square session the browser holds.
    authorizationParams: { session: 'false' },
    // The answer carries expires_at (a date), not expires_in: access tokens live 30 days.
    tokenLifetimeSeconds: 30 * 24 * 3600,
    metadataFields: ['merchant_id'],
  },
  sources: {
    authorizationUrl: doc(AUTHORIZE),
    tokenUrl: doc(OBTAIN_TOKEN),
    pkce: doc(OBTAIN_TOKEN),
    clientAuth: doc(OBTAIN_TOKEN),
    tokenRequestEncoding: doc(OBTAIN_TOKEN),
    scopeSeparator: doc(AUTHORIZE),
    defaultScopes: doc('https://square.github.io/custom-sites-docs/get-started/manage-access-square-apis'),
    tokenLifetime: doc(TOKEN_RESPONSE),
    // With the code flow a refresh returns the same refresh token: no rotation.
    refreshToken: doc(OBTAIN_TOKEN),
    revocation: unconfirmed(
      'Square revokes with an "Authorization: Client <secret>" header and the token as access_token in JSON, which the catalog cannot express; none is called.',
    ),
    tokenResponse: doc(TOKEN_RESPONSE),
    apiBaseUrl: unconfirmed('The v2 base of the Square API reference; the OAuth pages read do not state it.'),
  },
};
