import type { ProviderDefinition } from '../provider-definition.ts';

export const xero: ProviderDefinition = {
  slug: 'xero',
  name: 'Xero',
  description: 'Access accounting data in Xero organisations.',
  docsUrl: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
  authMethods: ['oauth'],
  authorizationUrl: 'https://login.xero.com/identity/connect/authorize',
  tokenUrl: 'https://identity.xero.com/connect/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://identity.xero.com/connect/revocation',
  revocationAuth: 'client_secret_basic',
  defaultScopes: ['openid', 'profile', 'email', 'offline_access'],
  scopeSeparator: ' ',
  // Xero documents PKCE for its public "PKCE apps"; not confirmed for web apps with a secret.
  pkce: false,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: 'https://identity.xero.com',
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
