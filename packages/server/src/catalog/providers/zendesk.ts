import { doc, type ProviderEntry } from '../provider-definition.ts';

const GRANT_TOKENS = 'https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/';
const REFRESH = 'https://developer.zendesk.com/documentation/api-basics/authentication/refresh-token';
const PKCE = 'https://developer.zendesk.com/documentation/api-basics/authentication/oauth-pkce/';
const REVOKE = 'https://developer.zendesk.com/documentation/api-basics/authentication/revoking-oauth-token';

export const zendesk: ProviderEntry = {
  slug: 'zendesk',
  name: 'Zendesk',
  description: 'Access tickets and users in a Zendesk Support account.',
  category: 'support',
  docsUrl: REFRESH,
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
    tokenRequestEncoding: 'json',
    defaultScopes: ['read'],
    // Zendesk revokes a token by its id, or the one a call is authenticated with: the access token itself
    // as Bearer on DELETE …/oauth/tokens/current.json (no token id is needed).
    revocation: {
      url: 'https://${config.subdomain}.zendesk.com/api/v2/oauth/tokens/current.json',
      method: 'DELETE',
      auth: 'bearer',
      encoding: 'none',
    },
  },
  sources: {
    authorizationUrl: doc(PKCE),
    tokenUrl: doc(GRANT_TOKENS),
    pkce: doc(PKCE),
    clientAuth: doc(GRANT_TOKENS),
    tokenRequestEncoding: doc(GRANT_TOKENS),
    scopeSeparator: doc(GRANT_TOKENS),
    defaultScopes: doc(GRANT_TOKENS),
    tokenLifetime: doc(REFRESH),
    refreshToken: doc(REFRESH),
    revocation: doc(REVOKE),
    apiBaseUrl: doc('https://developer.zendesk.com/api-reference/introduction/introduction/'),
  },
};
