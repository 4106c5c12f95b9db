import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHENTICATION = 'https://developers.etsy.com/documentation/essentials/authentication/';

export const etsy: ProviderEntry = {
  slug: 'etsy',
  name: 'Etsy',
  description: "Access a seller's Etsy shop: listings, inventory, orders (receipts) and shipping profiles.",
  category: 'ecommerce',
  docsUrl: AUTHENTICATION,
  logo: 'etsy',
  authMethods: ['oauth'],
  // Every call also needs the x-api-key header (keystring:shared secret), which this entry does not add.
  apiBaseUrl: 'https://api.etsy.com/v3/application',
  oauth: {
    authorizationUrl: 'https://www.etsy.com/oauth/connect',
    tokenUrl: 'https://api.etsy.com/v3/public/oauth/token',
    // Etsy requires PKCE (S256) on every authorization.
    pkce: true,
    // shops_r is what GET /users/me needs.
    defaultScopes: ['shops_r'],
  },
  sources: {
    authorizationUrl: doc(AUTHENTICATION),
    tokenUrl: doc(AUTHENTICATION),
    pkce: doc(AUTHENTICATION),
    clientAuth: unconfirmed(
      'Etsy documents client_id (the keystring) in the body and no secret; the body method is kept and also carries the shared secret.',
    ),
    tokenRequestEncoding: doc(AUTHENTICATION),
    scopeSeparator: doc(AUTHENTICATION),
    defaultScopes: unconfirmed('shops_r, the read scope getMe needs to identify the seller (Open API reference).'),
    tokenLifetime: doc(AUTHENTICATION),
    // A refresh answers a new refresh token; whether the used one dies is not stated.
    refreshToken: doc(AUTHENTICATION),
    revocation: unconfirmed('Etsy documents no revocation endpoint; sellers remove the app in their account. None is called.'),
    apiBaseUrl: doc('https://developers.etsy.com/documentation/essentials/requests/'),
  },
};
