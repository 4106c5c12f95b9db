import { doc, type ProviderEntry } from '../provider-definition.ts';

const OAUTH = 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0';
const FAQ = 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/faq';

export const quickbooks: ProviderEntry = {
  slug: 'quickbooks',
  name: 'QuickBooks Online',
  description: 'Access accounting data in a QuickBooks Online company.',
  category: 'accounting',
  docsUrl: OAUTH,
  logo: 'quickbooks',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://quickbooks.api.intuit.com/v3',
  oauth: {
    authorizationUrl: 'https://appcenter.intuit.com/connect/oauth2',
    tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
    clientAuth: 'basic',
    defaultScopes: ['com.intuit.quickbooks.accounting'],
    // Intuit hands out a new refresh token from time to time and asks clients to always keep the latest.
    refreshTokenRotates: true,
    // The company id arrives on the callback, not in the token answer; every API call needs it.
    callbackParams: ['realmId'],
    revocation: { url: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke', auth: 'basic', encoding: 'json' },
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: doc(OAUTH),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(FAQ),
    refreshToken: doc(FAQ),
    revocation: doc(OAUTH),
    callbackParams: doc(OAUTH),
    apiBaseUrl: doc('https://developer.intuit.com/app/developer/qbo/docs/develop/explore-the-quickbooks-online-api'),
  },
};
