import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const zendesk: ProviderEntry = {
  slug: 'zendesk',
  name: 'Zendesk',
  description: 'Access tickets and users in a Zendesk Support account.',
  category: 'support',
  docsUrl: 'https://developer.zendesk.com/documentation/api-basics/authentication/refresh-token',
  logo: 'zendesk',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.subdomain}.zendesk.com/api/v2',
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
  oauth: {
    authorizationUrl: 'https://${config.subdomain}.zendesk.com/oauth/authorizations/new',
    tokenUrl: 'https://${config.subdomain}.zendesk.com/oauth/tokens',
    pkce: true,
    defaultScopes: ['read'],
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Zendesk revokes by token id (DELETE /api/v2/oauth/tokens/{id}), not RFC 7009.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
