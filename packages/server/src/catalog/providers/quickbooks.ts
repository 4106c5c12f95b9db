import type { ProviderDefinition } from '../provider-definition.ts';

export const quickbooks: ProviderDefinition = {
  slug: 'quickbooks',
  name: 'QuickBooks Online',
  description: 'Access accounting data in a QuickBooks Online company.',
  docsUrl: 'https://developer.intuit.com/app/developer/qbo/docs/develop/sdks-and-samples-collections/python/python_oauth_client',
  authMethods: ['oauth'],
  authorizationUrl: 'https://appcenter.intuit.com/connect/oauth2',
  tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  refreshTokenUrl: null,
  // Intuit's revoke endpoint expects a JSON body ({"token": …}).
  revocationUrl: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
  revocationAuth: 'client_secret_basic',
  revocationBodyContentType: 'application/json',
  defaultScopes: ['com.intuit.quickbooks.accounting'],
  scopeSeparator: ' ',
  pkce: false,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  configFields: [],
  // The company id (realmId) arrives as a callback query parameter, not in the token response. Intuit issues
  // a new refresh token periodically and asks clients to always keep the latest.
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
