import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const slack: ProviderEntry = {
  slug: 'slack',
  name: 'Slack',
  description: 'Read and post messages in Slack workspaces as the connecting user.',
  category: 'communication',
  docsUrl: 'https://docs.slack.dev/reference/methods/oauth.v2.access',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://slack.com/api',
  oauth: {
    authorizationUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    pkce: true,
    clientAuth: 'basic',
    scopeSeparator: ',',
    defaultScopes: ['users:read'],
    refreshTokenRotates: true,
    tokenErrorInOkResponse: true,
    nestedUserToken: true,
    scopeResponseField: 'authed_user.scope',
    metadataFields: ['team', 'enterprise', 'bot_user_id', 'app_id', 'is_enterprise_install'],
    revocation: {
      url: 'https://slack.com/api/auth.revoke',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: User-token scopes: with nestedUserToken the OAuth client sends them as `user_scope`, not `scope`.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Refresh tokens exist only when the app opted into token rotation.',
    ),
    revocation: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: auth.revoke authenticates with the token being revoked (sent as `token` in the form body), not with client credentials.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenResponse: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Errors come back as {ok: false, error} with HTTP 200.',
    ),
  },
};
