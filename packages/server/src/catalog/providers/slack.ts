import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    clientAuth: 'basic',
    scopeSeparator: ',',
    defaultScopes: ['users:read'],
    refreshTokenRotates: true,
    tokenErrorInOkResponse: true,
    nestedUserToken: true,
    scopeResponseField: 'authed_user.scope',
    metadataFields: ['team', 'enterprise', 'bot_user_id', 'app_id', 'is_enterprise_install'],
    // auth.revoke takes the token being revoked as its own credential, not the client's.
    revocation: { url: 'https://slack.com/api/auth.revoke', auth: 'bearer', encoding: 'none' },
  },
  sources: {
    authorizationUrl: unconfirmed(
      "https://slack.com/oauth/v2/authorize per Slack's install guide (https://docs.slack.dev/authentication/installing-with-oauth); not in the copies checked today.",
    ),
    tokenUrl: doc('https://docs.slack.dev/reference/methods/oauth.v2.access'),
    pkce: unconfirmed(
      "Off: oauth.v2.access takes a code_verifier argument (Slack's method reference), but Slack accepts PKCE only from apps switched to public clients, and an OpenPipes integration holds a client secret; the PKCE section of the install guide was not re-read today.",
    ),
    clientAuth: doc('https://docs.slack.dev/reference/methods/oauth.v2.access'),
    tokenRequestEncoding: doc('https://docs.slack.dev/reference/methods/oauth.v2.access'),
    scopeSeparator: unconfirmed(
      'Comma-separated scope and user_scope per https://docs.slack.dev/authentication/installing-with-oauth; not in the copies checked today.',
    ),
    defaultScopes: unconfirmed(
      'users:read, a read-only user scope enough to identify the user; with nestedUserToken the OAuth client sends them as user_scope, not scope.',
    ),
    tokenLifetime: unconfirmed(
      'With token rotation on, tokens expire in 12 hours and the response carries expires_in; without it they do not expire (https://docs.slack.dev/authentication/using-token-rotation, seen today only as a summary).',
    ),
    refreshToken: unconfirmed(
      'Refresh tokens exist only when the app opted into token rotation, and each refresh returns a new one (https://docs.slack.dev/authentication/using-token-rotation, seen today only as a summary). oauth.v2.access takes grant_type=refresh_token (https://docs.slack.dev/reference/methods/oauth.v2.access).',
    ),
    revocation: unconfirmed(
      'auth.revoke (https://docs.slack.dev/reference/methods/auth.revoke) authenticates with the token being revoked (as a Bearer header or a token argument), not with client credentials: sent as Bearer with no body; the page was not in the copies checked today.',
    ),
    apiBaseUrl: unconfirmed(
      'https://slack.com/api, where every Web API method lives (oauth.v2.access and auth.revoke included); not stated in a sentence on the pages checked today.',
    ),
    tokenResponse: doc('https://docs.slack.dev/reference/methods/oauth.v2.access'),
  },
};
