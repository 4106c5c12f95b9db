import type { ProviderDefinition } from '../provider-definition.ts';

export const linear: ProviderDefinition = {
  slug: 'linear',
  name: 'Linear',
  description: 'Access issues, projects and teams in a Linear workspace.',
  docsUrl: 'https://linear.app/developers/oauth-2-0-authentication',
  authMethods: ['oauth'],
  authorizationUrl: 'https://linear.app/oauth/authorize',
  tokenUrl: 'https://api.linear.app/oauth/token',
  refreshTokenUrl: null,
  // Linear documents POST https://api.linear.app/oauth/revoke, but how it authenticates (bearer access token
  // vs client credentials) could not be confirmed.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['read'],
  scopeSeparator: ',',
  pkce: true,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [],
  // Refresh tokens are mandatory since 2026-04-01; whether they rotate could not be confirmed.
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
