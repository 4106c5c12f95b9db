import type { ProviderDefinition } from '../provider-definition.ts';

export const github: ProviderDefinition = {
  slug: 'github',
  name: 'GitHub',
  description: 'Access repositories, issues and pull requests on GitHub.',
  docsUrl: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
  authMethods: ['oauth'],
  authorizationUrl: 'https://github.com/login/oauth/authorize',
  // Answers form-encoded unless the request sends `Accept: application/json`.
  tokenUrl: 'https://github.com/login/oauth/access_token',
  refreshTokenUrl: null,
  // GitHub revokes with DELETE https://api.github.com/applications/{client_id}/token (Basic auth, JSON body);
  // the client id in the path is not expressible here.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['read:user'],
  scopeSeparator: ' ',
  // Supported since 2025-07 (github.blog changelog "PKCE support for OAuth and GitHub App authentication").
  pkce: true,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [],
  // OAuth apps issue non-expiring tokens; GitHub Apps with expiring user tokens also return expires_in and
  // refresh_token.
  quirks: {
    tokenErrorInOkResponse: true,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: true,
    refreshTokenRotates: false,
  },
};
