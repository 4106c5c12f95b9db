import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const salesforce: ProviderEntry = {
  slug: 'salesforce',
  name: 'Salesforce',
  description: 'Access CRM records in a Salesforce org.',
  category: 'crm',
  docsUrl: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_endpoints.htm&type=5',
  authMethods: ['oauth'],
  apiBaseUrl: null,
  oauth: {
    authorizationUrl: 'https://login.salesforce.com/services/oauth2/authorize',
    tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
    pkce: true,
    defaultScopes: ['api', 'refresh_token'],
    issuer: 'https://login.salesforce.com',
    metadataFields: ['instance_url', 'id', 'issued_at'],
    revocation: {
      url: 'https://login.salesforce.com/services/oauth2/revoke',
    },
  },
  sources: {
    authorizationUrl: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Production orgs; sandboxes use test.salesforce.com.',
    ),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed(
      "Placeholder: checked by the engine change (issue 11). Earlier note: The token response has no expires_in: access tokens live as long as the org's session timeout.",
    ),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    apiBaseUrl: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: API calls go to the instance_url of the token response; no fixed base.',
    ),
    tokenResponse: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    issuer: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
