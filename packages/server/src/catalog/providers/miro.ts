import type { ProviderDefinition } from '../provider-definition.ts';

export const miro: ProviderDefinition = {
  slug: 'miro',
  name: 'Miro',
  description: 'Access boards and their content in Miro.',
  docsUrl: 'https://developers.miro.com/docs/getting-started-with-oauth',
  authMethods: ['oauth'],
  authorizationUrl: 'https://miro.com/oauth/authorize',
  tokenUrl: 'https://api.miro.com/v1/oauth/token',
  refreshTokenUrl: null,
  // POST https://api.miro.com/v2/oauth/revoke takes access_token/clientId/clientSecret body fields, not RFC
  // 7009 ones.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['boards:read'],
  scopeSeparator: ' ',
  pkce: false,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [],
  // Expiring tokens only for apps created with "expire user authorization token" on; otherwise tokens never
  // expire.
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: ['team_id', 'user_id'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
