import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://linear.app/developers/oauth-2-0-authentication';

export const linear: ProviderEntry = {
  slug: 'linear',
  name: 'Linear',
  description: 'Access issues, projects and teams in a Linear workspace.',
  category: 'project-management',
  docsUrl: OAUTH,
  logo: 'linear',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.linear.app',
  oauth: {
    authorizationUrl: 'https://linear.app/oauth/authorize',
    tokenUrl: 'https://api.linear.app/oauth/token',
    pkce: true,
    scopeSeparator: ',',
    defaultScopes: ['read'],
    // POST /oauth/revoke authenticated with the access token it revokes.
    revocation: { url: 'https://api.linear.app/oauth/revoke', auth: 'bearer', encoding: 'none' },
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: doc(OAUTH),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(OAUTH),
    refreshToken: unconfirmed(
      'Refresh tokens are issued to every OAuth app since 2026-04-01 (the page says so); whether a refresh also replaces the refresh token is not stated, so none is assumed and a new one is kept when sent.',
    ),
    revocation: doc(OAUTH),
    apiBaseUrl: doc('https://linear.app/developers/graphql'),
  },
};
