import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const github: ProviderEntry = {
  slug: 'github',
  name: 'GitHub',
  description: 'Access repositories, issues and pull requests on GitHub.',
  category: 'developer',
  docsUrl: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
  logo: 'github',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.github.com',
  oauth: {
    authorizationUrl: 'https://github.com/login/oauth/authorize',
    // Answers form-encoded unless the request sends `Accept: application/json`.
    tokenUrl: 'https://github.com/login/oauth/access_token',
    pkce: true,
    defaultScopes: ['read:user'],
    accessTokenNeverExpires: true,
    tokenErrorInOkResponse: true,
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Supported since 2025-07 (github.blog changelog "PKCE support for OAuth and GitHub App authentication").',
    ),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: OAuth apps issue non-expiring tokens; GitHub Apps with expiring user tokens also return expires_in and refresh_token.',
    ),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: GitHub revokes with DELETE https://api.github.com/applications/{client_id}/token (Basic auth, JSON body); the client id in the path was not expressible in the old format.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenResponse: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
