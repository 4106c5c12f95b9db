import type { ProviderDefinition } from '../provider-definition.ts';

export const salesforce: ProviderDefinition = {
  slug: 'salesforce',
  name: 'Salesforce',
  description: 'Access CRM records in a Salesforce org.',
  docsUrl: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_endpoints.htm&type=5',
  authMethods: ['oauth'],
  // Production orgs; sandboxes use test.salesforce.com.
  authorizationUrl: 'https://login.salesforce.com/services/oauth2/authorize',
  tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://login.salesforce.com/services/oauth2/revoke',
  revocationAuth: 'client_secret_post',
  defaultScopes: ['api', 'refresh_token'],
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: 'https://login.salesforce.com',
  configFields: [],
  // The token response has no expires_in: access tokens live as long as the org's session timeout. API calls
  // go to instance_url.
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: ['instance_url', 'id', 'issued_at'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
