import type { ProviderDefinition } from '../provider-definition.ts';

export const clickup: ProviderDefinition = {
  slug: 'clickup',
  name: 'ClickUp',
  description: 'Access tasks, lists and spaces in ClickUp workspaces.',
  docsUrl: 'https://developer.clickup.com/docs/authentication',
  authMethods: ['oauth'],
  authorizationUrl: 'https://app.clickup.com/api',
  tokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
  refreshTokenUrl: null,
  revocationUrl: null,
  revocationAuth: null,
  // ClickUp has no scopes; the user picks workspaces during consent.
  defaultScopes: [],
  scopeSeparator: ' ',
  pkce: false,
  clientAuth: 'client_secret_post',
  // ClickUp's examples pass client_id, client_secret and code as query parameters; a form body is assumed to
  // work.
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
    accessTokenNeverExpires: true,
    refreshTokenRotates: false,
  },
};
