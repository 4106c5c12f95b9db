import type { ProviderDefinition } from '../provider-definition.ts';

export const calendly: ProviderDefinition = {
  slug: 'calendly',
  name: 'Calendly',
  description: 'Access scheduled events and event types in Calendly.',
  docsUrl: 'https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users',
  authMethods: ['oauth'],
  authorizationUrl: 'https://auth.calendly.com/oauth/authorize',
  tokenUrl: 'https://auth.calendly.com/oauth/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://auth.calendly.com/oauth/revoke',
  revocationAuth: 'client_secret_post',
  // Scopes are selected on the app (introduced 2026-03); none are requested by default.
  defaultScopes: [],
  scopeSeparator: ' ',
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
    metadataFields: ['owner', 'organization'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
