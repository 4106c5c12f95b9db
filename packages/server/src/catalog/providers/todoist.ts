import type { ProviderDefinition } from '../provider-definition.ts';

export const todoist: ProviderDefinition = {
  slug: 'todoist',
  name: 'Todoist',
  description: 'Access tasks and projects in Todoist.',
  docsUrl: 'https://developer.todoist.com/guides/#oauth',
  authMethods: ['oauth'],
  authorizationUrl: 'https://todoist.com/oauth/authorize',
  tokenUrl: 'https://todoist.com/oauth/access_token',
  refreshTokenUrl: null,
  // Todoist's revoke endpoint takes client_id, client_secret and access_token as its own JSON fields, not RFC
  // 7009 ones.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['data:read'],
  scopeSeparator: ',',
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
    accessTokenNeverExpires: true,
    refreshTokenRotates: false,
  },
};
