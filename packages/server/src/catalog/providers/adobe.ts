import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const IMS = 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims';

export const adobe: ProviderEntry = {
  slug: 'adobe',
  name: 'Adobe',
  description:
    'Sign users in with their Adobe ID through Adobe IMS and call Adobe APIs (Creative Cloud, Experience Cloud) on their behalf.',
  category: 'identity',
  docsUrl: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://ims-na1.adobelogin.com/ims',
  oauth: {
    authorizationUrl: 'https://ims-na1.adobelogin.com/ims/authorize/v2',
    tokenUrl: 'https://ims-na1.adobelogin.com/ims/token/v3',
    // Confidential (OAuth Web App) credentials authenticate with the Basic header only.
    clientAuth: 'basic',
    // Space or comma are both accepted; every example on the page uses the comma.
    scopeSeparator: ',',
    // offline_access is what makes IMS return a refresh token.
    defaultScopes: ['openid', 'profile', 'offline_access'],
    revocation: { url: 'https://ims-na1.adobelogin.com/ims/revoke', auth: 'basic' },
  },
  sources: {
    authorizationUrl: doc(IMS),
    tokenUrl: doc(IMS),
    pkce: unconfirmed('PKCE is required for public clients only; the OAuth Web App request documented has none, so PKCE is off.'),
    clientAuth: doc(IMS),
    tokenRequestEncoding: doc(IMS),
    scopeSeparator: doc(IMS),
    defaultScopes: doc(IMS),
    // 24-hour access tokens (expires_in 86399), refresh tokens valid 14 days by default.
    tokenLifetime: doc(IMS),
    // A refresh answers a new refresh token; whether the previous one is invalidated is not stated.
    refreshToken: doc(IMS),
    revocation: doc(IMS),
    apiBaseUrl: unconfirmed(
      'The IMS host itself (userinfo/v2); each Adobe product API has its own host, which a connection reaches through its own base URL.',
    ),
  },
};
