import type { ProviderDefinition } from '../provider-definition.ts';

export const hubspot: ProviderDefinition = {
  slug: 'hubspot',
  name: 'HubSpot',
  description: 'Access CRM contacts, companies and deals in a HubSpot account.',
  docsUrl: 'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide',
  authMethods: ['oauth'],
  authorizationUrl: 'https://app.hubspot.com/oauth/authorize',
  // Date-versioned OAuth API; the /oauth/v1 endpoints are sunset on 2027-02-16.
  tokenUrl: 'https://api.hubapi.com/oauth/2026-03/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://api.hubapi.com/oauth/2026-03/token/revoke',
  // Assumed to take client credentials in the body like the token endpoint; not confirmed.
  revocationAuth: 'client_secret_post',
  defaultScopes: ['oauth'],
  scopeSeparator: ' ',
  // The 2026-03 token endpoint accepts code_verifier.
  pkce: true,
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
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
