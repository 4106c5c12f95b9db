import type { ProviderDefinition } from '../provider-definition.ts';

export const zendesk: ProviderDefinition = {
  slug: 'zendesk',
  name: 'Zendesk',
  description: 'Access tickets and users in a Zendesk Support account.',
  docsUrl: 'https://developer.zendesk.com/documentation/api-basics/authentication/refresh-token',
  authMethods: ['oauth'],
  authorizationUrl: 'https://${config.subdomain}.zendesk.com/oauth/authorizations/new',
  tokenUrl: 'https://${config.subdomain}.zendesk.com/oauth/tokens',
  refreshTokenUrl: null,
  // Zendesk revokes by token id (DELETE /api/v2/oauth/tokens/{id}), not RFC 7009.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['read'],
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [
    {
      name: 'subdomain',
      label: 'Zendesk subdomain',
      description: 'The account subdomain: "acme" for acme.zendesk.com.',
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
    refreshTokenRotates: false,
  },
};
