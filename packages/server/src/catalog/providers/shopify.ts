import type { ProviderDefinition } from '../provider-definition.ts';

export const shopify: ProviderDefinition = {
  slug: 'shopify',
  name: 'Shopify',
  description: 'Access products, orders and customers in a Shopify store.',
  docsUrl: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens',
  authMethods: ['oauth'],
  authorizationUrl: 'https://${config.shop}.myshopify.com/admin/oauth/authorize',
  tokenUrl: 'https://${config.shop}.myshopify.com/admin/oauth/access_token',
  refreshTokenUrl: null,
  // Access ends when the app is uninstalled; there is no token revocation endpoint.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['read_products'],
  scopeSeparator: ',',
  pkce: false,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  // Requests expiring offline tokens (1 h, with a rotating refresh token); public apps must use them from
  // 2027-01-01.
  tokenParams: {
    expiring: '1',
  },
  issuer: null,
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
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
