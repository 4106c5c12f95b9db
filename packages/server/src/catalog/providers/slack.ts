import type { ProviderDefinition } from '../provider-definition.ts';

export const slack: ProviderDefinition = {
  slug: 'slack',
  name: 'Slack',
  description: 'Read and post messages in Slack workspaces as the connecting user.',
  docsUrl: 'https://docs.slack.dev/reference/methods/oauth.v2.access',
  authMethods: ['oauth'],
  authorizationUrl: 'https://slack.com/oauth/v2/authorize',
  tokenUrl: 'https://slack.com/api/oauth.v2.access',
  refreshTokenUrl: null,
  // auth.revoke authenticates with the token being revoked (sent as `token` in the form body), not with
  // client credentials.
  revocationUrl: 'https://slack.com/api/auth.revoke',
  revocationAuth: 'client_secret_post',
  // User-token scopes: with nestedUserToken the OAuth client sends them as `user_scope`, not `scope`.
  defaultScopes: ['users:read'],
  scopeSeparator: ',',
  pkce: true,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [],
  // Errors come back as {ok: false, error} with HTTP 200. Refresh tokens exist only when the app opted into
  // token rotation.
  quirks: {
    tokenErrorInOkResponse: true,
    nestedUserToken: true,
    scopeResponseField: 'authed_user.scope',
    metadataFields: ['team', 'enterprise', 'bot_user_id', 'app_id', 'is_enterprise_install'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
