import type { ProviderDefinition } from '../provider-definition.ts';

export const intercom: ProviderDefinition = {
  slug: 'intercom',
  name: 'Intercom',
  description: 'Access conversations and contacts in an Intercom workspace.',
  docsUrl: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
  authMethods: ['oauth'],
  authorizationUrl: 'https://app.intercom.com/oauth',
  // US region; EU and AU workspaces use regional API hosts. Path not re-confirmed from Intercom's page.
  tokenUrl: 'https://api.intercom.io/auth/eagle/token',
  refreshTokenUrl: null,
  revocationUrl: null,
  revocationAuth: null,
  // Permissions are chosen on the app in the Developer Hub, not requested per authorization.
  defaultScopes: [],
  scopeSeparator: ' ',
  pkce: false,
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
    accessTokenNeverExpires: true,
    refreshTokenRotates: false,
  },
};
