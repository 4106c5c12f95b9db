import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const linear: ProviderEntry = {
  slug: 'linear',
  name: 'Linear',
  description: 'Access issues, projects and teams in a Linear workspace.',
  category: 'project-management',
  docsUrl: 'https://linear.app/developers/oauth-2-0-authentication',
  logo: 'linear',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.linear.app',
  oauth: {
    authorizationUrl: 'https://linear.app/oauth/authorize',
    tokenUrl: 'https://api.linear.app/oauth/token',
    pkce: true,
    scopeSeparator: ',',
    defaultScopes: ['read'],
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Refresh tokens are mandatory since 2026-04-01; whether they rotate could not be confirmed.',
    ),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Linear documents POST https://api.linear.app/oauth/revoke, but how it authenticates (bearer access token vs client credentials) could not be confirmed.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
