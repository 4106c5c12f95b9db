import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://docs.gusto.com/app-integrations/docs/oauth2';
const AUTHORIZE = 'https://docs.gusto.com/v1/examples/authentication';
const REFRESH = 'https://docs.gusto.com/app-integrations/v2024-04-01/reference/refresh-access-token';
const TOKENS = 'https://docs.gusto.com/embedded-payroll/docs/company-access-tokens';

export const gusto: ProviderEntry = {
  slug: 'gusto',
  name: 'Gusto',
  description: 'Access companies, employees, payrolls and benefits in Gusto payroll. One connection covers one company.',
  category: 'hr-payroll',
  docsUrl: OAUTH,
  logo: 'gusto',
  authMethods: ['oauth'],
  // Production only: the demo environment (api.gusto-demo.com) is another domain and needs its own entry.
  apiBaseUrl: 'https://api.gusto.com',
  oauth: {
    authorizationUrl: 'https://api.gusto.com/oauth/authorize',
    tokenUrl: 'https://api.gusto.com/oauth/token',
    tokenRequestEncoding: 'json',
    // The refresh request documents redirect_uri beside the client credentials.
    redirectUriOnRefresh: true,
    // The previous refresh token is revoked once the new access token is used.
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(AUTHORIZE),
    tokenUrl: doc(REFRESH),
    pkce: unconfirmed('The OAuth guide describes no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(REFRESH),
    tokenRequestEncoding: doc('https://docs.gusto.com/embedded-payroll/docs/system-access'),
    redirectUriOnRefresh: doc('https://docs.gusto.com/embedded-payroll/reference/oauth-access-token'),
    scopeSeparator: unconfirmed('Scopes are granted to the application in the Developer Portal, not requested; space kept.'),
    defaultScopes: unconfirmed('None requested: Gusto assigns scopes to the application, not per authorization request.'),
    tokenLifetime: doc(TOKENS),
    refreshToken: doc(REFRESH),
    revocation: unconfirmed('No RFC 7009 revocation endpoint is documented for app integrations; none is called.'),
    apiBaseUrl: doc(OAUTH),
  },
};
