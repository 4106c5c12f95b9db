import type { ProviderDefinition } from '../provider-definition.ts';

export const airtable: ProviderDefinition = {
  slug: 'airtable',
  name: 'Airtable',
  description: 'Read and write records in Airtable bases.',
  docsUrl: 'https://airtable.com/developers/web/api/oauth-reference',
  authMethods: ['oauth'],
  authorizationUrl: 'https://airtable.com/oauth2/v1/authorize',
  tokenUrl: 'https://airtable.com/oauth2/v1/token',
  refreshTokenUrl: null,
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['user.email:read'],
  scopeSeparator: ' ',
  // Required by Airtable.
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
