import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const shopify: ProviderEntry = {
  slug: 'shopify',
  name: 'Shopify',
  description: 'Access products, orders and customers in a Shopify store.',
  category: 'ecommerce',
  docsUrl: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens',
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
    scopeSeparator: ',',
    defaultScopes: ['read_products'],
    // Requests expiring offline tokens (1 h, with a rotating refresh token).
    tokenParams: {
      expiring: '1',
    },
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Requests expiring offline tokens (1 h, with a rotating refresh token); public apps must use them from 2027-01-01.',
    ),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Access ends when the app is uninstalled; there is no token revocation endpoint.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
