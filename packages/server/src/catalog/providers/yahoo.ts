import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH_CODE = 'https://developer.yahoo.com/oauth2/guide/flows_authcode/';
const OIDC = 'https://developer.yahoo.com/oauth2/guide/openid_connect/getting_started.html';

export const yahoo: ProviderEntry = {
  slug: 'yahoo',
  name: 'Yahoo',
  description: 'Sign in with a Yahoo account and call the Yahoo APIs the app was granted (OpenID Connect user info).',
  category: 'identity',
  docsUrl: AUTH_CODE,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.login.yahoo.com',
  oauth: {
    authorizationUrl: 'https://api.login.yahoo.com/oauth2/request_auth',
    tokenUrl: 'https://api.login.yahoo.com/oauth2/get_token',
    // Yahoo checks redirect_uri on the refresh grant as well.
    redirectUriOnRefresh: true,
    defaultScopes: ['openid'],
    metadataFields: ['xoauth_yahoo_guid'],
  },
  sources: {
    authorizationUrl: doc(AUTH_CODE),
    tokenUrl: doc(AUTH_CODE),
    pkce: unconfirmed('The authorization code guide does not mention PKCE; PKCE off.'),
    clientAuth: unconfirmed(
      'client_id and client_secret in the form body (client_secret_post); a Basic header is also seen in use, the guide step was not re-read.',
    ),
    tokenRequestEncoding: unconfirmed('RFC 6749 form encoding; the guide step was not re-read.'),
    redirectUriOnRefresh: unconfirmed('The refresh step sends redirect_uri with the refresh token; kept on refresh (conservative).'),
    scopeSeparator: unconfirmed('Space, as in OpenID Connect; API permissions themselves are chosen when the app is created.'),
    defaultScopes: doc(OIDC),
    tokenLifetime: unconfirmed('The token response carries expires_in (one hour); no fallback lifetime is assumed.'),
    refreshToken: doc(AUTH_CODE),
    revocation: unconfirmed(
      'No token revocation endpoint is documented; users remove access in their account settings. None is configured.',
    ),
    tokenResponse: unconfirmed('xoauth_yahoo_guid (the user GUID) is kept as metadata; the response example was not re-read.'),
    apiBaseUrl: unconfirmed(
      'https://api.login.yahoo.com serves the OpenID Connect user info (/openid/v1/userinfo); other Yahoo APIs use their own hosts.',
    ),
  },
};
