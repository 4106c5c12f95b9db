import type { ProviderDefinition } from '../provider-definition.ts';

export const zoom: ProviderDefinition = {
  slug: 'zoom',
  name: 'Zoom',
  description: 'Access meetings, recordings and user data in Zoom.',
  docsUrl: 'https://developers.zoom.us/docs/api/using-zoom-apis/',
  authMethods: ['oauth'],
  authorizationUrl: 'https://zoom.us/oauth/authorize',
  tokenUrl: 'https://zoom.us/oauth/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://zoom.us/oauth/revoke',
  revocationAuth: 'client_secret_basic',
  // Zoom grants the scopes configured on the app; none need to be requested.
  defaultScopes: [],
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'client_secret_basic',
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
    refreshTokenRotates: true,
  },
};
