import type { ProviderDefinition } from '../provider-definition.ts';

export const bitbucket: ProviderDefinition = {
  slug: 'bitbucket',
  name: 'Bitbucket',
  description: 'Access repositories and pull requests on Bitbucket Cloud.',
  docsUrl: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2/',
  authMethods: ['oauth'],
  authorizationUrl: 'https://bitbucket.org/site/oauth2/authorize',
  tokenUrl: 'https://bitbucket.org/site/oauth2/access_token',
  refreshTokenUrl: null,
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['account'],
  scopeSeparator: ' ',
  // Not documented for Bitbucket Cloud; no revocation endpoint documented either.
  pkce: false,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [],
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
