import type { ProviderDefinition } from '../provider-definition.ts';

export const asana: ProviderDefinition = {
  slug: 'asana',
  name: 'Asana',
  description: 'Access tasks, projects and workspaces in Asana.',
  docsUrl: 'https://developers.asana.com/docs/oauth',
  authMethods: ['oauth'],
  authorizationUrl: 'https://app.asana.com/-/oauth_authorize',
  tokenUrl: 'https://app.asana.com/-/oauth_token',
  refreshTokenUrl: null,
  revocationUrl: 'https://app.asana.com/-/oauth_revoke',
  revocationAuth: 'client_secret_post',
  defaultScopes: ['users:read'],
  scopeSeparator: ' ',
  // Third-party guides show code_challenge on Asana, but Asana's own page did not confirm it.
  pkce: false,
  clientAuth: 'client_secret_post',
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
