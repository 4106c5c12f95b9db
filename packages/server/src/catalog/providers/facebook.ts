import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const LOGIN = 'https://developers.facebook.com/docs/facebook-login/guides';
/** Graph API version pinned in every URL; unversioned calls fall back to the app's oldest version. */
const VERSION = 'v25.0';

export const facebook: ProviderEntry = {
  slug: 'facebook',
  name: 'Facebook',
  description: 'Sign people in with Facebook Login and call the Graph API with their permission.',
  category: 'social',
  docsUrl: `${LOGIN}/advanced/manual-flow`,
  logo: 'facebook',
  authMethods: ['oauth'],
  apiBaseUrl: `https://graph.facebook.com/${VERSION}`,
  oauth: {
    authorizationUrl: `https://www.facebook.com/${VERSION}/dialog/oauth`,
    tokenUrl: `https://graph.facebook.com/${VERSION}/oauth/access_token`,
    // The code exchange is documented with its parameters in the query string.
    tokenRequestEncoding: 'query',
    scopeSeparator: ',',
    defaultScopes: ['public_profile'],
    // Deleting the app's permissions (as the user) logs the user out of the app.
    revocation: { url: `https://graph.facebook.com/${VERSION}/me/permissions`, method: 'DELETE', auth: 'bearer', encoding: 'none' },
  },
  sources: {
    authorizationUrl: doc(`${LOGIN}/advanced/manual-flow`),
    tokenUrl: doc(`${LOGIN}/advanced/manual-flow`),
    pkce: unconfirmed('PKCE is offered only in the OIDC code flow, which Meta marks as still in testing; off.'),
    clientAuth: doc(`${LOGIN}/advanced/manual-flow`),
    tokenRequestEncoding: doc(`${LOGIN}/advanced/manual-flow`),
    scopeSeparator: doc(`${LOGIN}/advanced/manual-flow`),
    defaultScopes: doc('https://developers.facebook.com/docs/permissions'),
    // Server-side code exchanges yield long-lived user tokens (about 60 days); there is no refresh token.
    tokenLifetime: doc(`${LOGIN}/access-tokens/get-long-lived`),
    refreshToken: doc(`${LOGIN}/access-tokens/get-long-lived`),
    revocation: doc(`${LOGIN}/permissions/request-revoke`),
    apiBaseUrl: doc(`${LOGIN}/access-tokens/get-long-lived`),
  },
};
