import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const quickbooks: ProviderEntry = {
  slug: 'quickbooks',
  name: 'QuickBooks Online',
  description: 'Access accounting data in a QuickBooks Online company.',
  category: 'accounting',
  docsUrl: 'https://developer.intuit.com/app/developer/qbo/docs/develop/sdks-and-samples-collections/python/python_oauth_client',
  logo: 'quickbooks',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://quickbooks.api.intuit.com/v3',
  oauth: {
    authorizationUrl: 'https://appcenter.intuit.com/connect/oauth2',
    tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
    clientAuth: 'basic',
    defaultScopes: ['com.intuit.quickbooks.accounting'],
    refreshTokenRotates: true,
    revocation: {
      url: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
      auth: 'basic',
      encoding: 'json',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Intuit issues a new refresh token periodically and asks clients to always keep the latest. The company id (realmId) arrives as a callback query parameter, not in the token response.',
    ),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Intuit\'s revoke endpoint expects a JSON body ({"token": …}).',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
