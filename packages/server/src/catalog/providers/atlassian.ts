import type { ProviderDefinition } from '../provider-definition.ts';

export const atlassian: ProviderDefinition = {
  slug: 'atlassian',
  name: 'Atlassian',
  description: 'Access Jira and Confluence Cloud sites through Atlassian OAuth 2.0 (3LO).',
  docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
  authMethods: ['oauth'],
  authorizationUrl: 'https://auth.atlassian.com/authorize',
  tokenUrl: 'https://auth.atlassian.com/oauth/token',
  refreshTokenUrl: null,
  revocationUrl: null,
  revocationAuth: null,
  // offline_access is what makes Atlassian issue a refresh token.
  defaultScopes: ['read:me', 'offline_access'],
  scopeSeparator: ' ',
  // Not documented for 3LO; no revocation endpoint is documented either.
  pkce: false,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/json',
  authorizationParams: {
    audience: 'api.atlassian.com',
    prompt: 'consent',
  },
  tokenParams: {},
  issuer: null,
  configFields: [],
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
