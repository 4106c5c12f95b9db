import type { ProviderDefinition } from '../provider-definition.ts';

export const pipedrive: ProviderDefinition = {
  slug: 'pipedrive',
  name: 'Pipedrive',
  description: 'Access deals, people and organizations in Pipedrive.',
  docsUrl: 'https://developers.pipedrive.com/docs/api/v1/Oauth',
  authMethods: ['oauth'],
  authorizationUrl: 'https://oauth.pipedrive.com/oauth/authorize',
  tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://oauth.pipedrive.com/oauth/revoke',
  revocationAuth: 'client_secret_basic',
  // Pipedrive grants the scopes configured on the app.
  defaultScopes: [],
  scopeSeparator: ' ',
  pkce: false,
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
    metadataFields: ['api_domain'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
