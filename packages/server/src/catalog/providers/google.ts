import { doc, type ProviderEntry } from '../provider-definition.ts';

const WEB_SERVER = 'https://developers.google.com/identity/protocols/oauth2/web-server';
const SCOPES = 'https://developers.google.com/identity/protocols/oauth2/scopes';

export const google: ProviderEntry = {
  slug: 'google',
  name: 'Google',
  description: 'Access Google account data such as Gmail, Calendar and Drive.',
  category: 'productivity',
  docsUrl: WEB_SERVER,
  logo: 'google',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://www.googleapis.com',
  oauth: {
    authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    pkce: true,
    defaultScopes: ['openid', 'email', 'profile'],
    // Google answers the OpenID shorthands with the scopes' URL names.
    scopeAliases: {
      email: ['https://www.googleapis.com/auth/userinfo.email'],
      profile: ['https://www.googleapis.com/auth/userinfo.profile'],
    },
    // Without access_type=offline and prompt=consent Google omits the refresh token on re-consent.
    authorizationParams: { access_type: 'offline', prompt: 'consent' },
    issuer: 'https://accounts.google.com',
    // POST /revoke takes the token alone.
    revocation: { url: 'https://oauth2.googleapis.com/revoke', auth: 'none' },
  },
  sources: {
    authorizationUrl: doc(WEB_SERVER),
    tokenUrl: doc(WEB_SERVER),
    pkce: doc(WEB_SERVER),
    clientAuth: doc(WEB_SERVER),
    tokenRequestEncoding: doc(WEB_SERVER),
    scopeSeparator: doc(WEB_SERVER),
    defaultScopes: doc('https://developers.google.com/identity/openid-connect/openid-connect'),
    scopeAliases: doc(SCOPES),
    tokenLifetime: doc(WEB_SERVER),
    refreshToken: doc(WEB_SERVER),
    revocation: doc(WEB_SERVER),
    issuer: doc('https://accounts.google.com/.well-known/openid-configuration'),
    apiBaseUrl: doc('https://developers.google.com/apis-explorer'),
  },
};
