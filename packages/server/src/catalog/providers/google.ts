import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const google: ProviderEntry = {
  slug: 'google',
  name: 'Google',
  description: 'Access Google account data such as Gmail, Calendar and Drive.',
  category: 'productivity',
  docsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server',
  logo: 'google',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://www.googleapis.com',
  oauth: {
    authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    pkce: true,
    defaultScopes: ['openid', 'email', 'profile'],
    // Without access_type=offline and prompt=consent Google omits the refresh token on re-consent.
    authorizationParams: {
      access_type: 'offline',
      prompt: 'consent',
    },
    issuer: 'https://accounts.google.com',
    revocation: {
      url: 'https://oauth2.googleapis.com/revoke',
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
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    issuer: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
