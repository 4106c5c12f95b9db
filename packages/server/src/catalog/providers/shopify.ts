import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const CODE_GRANT = 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant';
const OFFLINE = 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens';

export const shopify: ProviderEntry = {
  slug: 'shopify',
  name: 'Shopify',
  description: 'Access products, orders and customers in a Shopify store.',
  category: 'ecommerce',
  docsUrl: OFFLINE,
  logo: 'shopify',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.shop}.myshopify.com/admin/api',
  configFields: [
    {
      name: 'shop',
      label: 'Shop',
      description: 'The store handle: "acme" for acme.myshopify.com.',
      scope: 'installation',
      pattern: '^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.shop}.myshopify.com/admin/oauth/authorize',
    tokenUrl: 'https://${config.shop}.myshopify.com/admin/oauth/access_token',
    tokenRequestEncoding: 'json',
    scopeSeparator: ',',
    defaultScopes: ['read_products'],
    // Requests expiring offline tokens (1 h, with a refresh token replaced on every refresh).
    tokenParams: { expiring: '1' },
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(CODE_GRANT),
    tokenUrl: doc(CODE_GRANT),
    pkce: unconfirmed('Not documented for the authorization code grant: PKCE off (conservative).'),
    clientAuth: doc(CODE_GRANT),
    tokenRequestEncoding: doc(OFFLINE),
    scopeSeparator: doc(CODE_GRANT),
    defaultScopes: doc('https://shopify.dev/docs/api/usage/access-scopes'),
    tokenLifetime: doc(OFFLINE),
    refreshToken: doc(OFFLINE),
    revocation: unconfirmed('No token revocation endpoint: access ends when the merchant uninstalls the app.'),
    apiBaseUrl: doc('https://shopify.dev/docs/api/admin-rest'),
  },
};
