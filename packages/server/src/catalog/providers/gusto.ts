import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://docs.gusto.com/app-integrations/docs/oauth2';
const AUTHORIZE = 'https://docs.gusto.com/v1/examples/authentication';
const REFRESH = 'https://docs.gusto.com/app-integrations/v2024-04-01/reference/refresh-access-token';
const TOKENS = 'https://docs.gusto.com/embedded-payroll/docs/company-access-tokens';

export const gusto: ProviderEntry = {
  slug: 'gusto',
  name: 'Gusto',
  description:
    'Access companies, employees, payrolls and benefits in Gusto payroll (production or demo). One connection covers one company.',
  category: 'hr-payroll',
  docsUrl: OAUTH,
  logo: 'gusto',
  authMethods: ['oauth'],
  hosts: ['gusto.com', 'gusto-demo.com'],
  apiBaseUrl: 'https://api.${config.gustoDomain}',
  configFields: [
    {
      name: 'gustoDomain',
      label: 'Gusto environment',
      description: 'gusto.com for production (the default) or gusto-demo.com, where all development and testing must happen.',
      scope: 'integration',
      pattern: '^(gusto\\.com|gusto-demo\\.com)$',
      required: false,
      secret: false,
      default: 'gusto.com',
      kind: 'host',
    },
  ],
  oauth: {
    authorizationUrl: 'https://api.${config.gustoDomain}/oauth/authorize',
    tokenUrl: 'https://api.${config.gustoDomain}/oauth/token',
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
    hosts: doc(OAUTH),
    apiBaseUrl: doc(OAUTH),
  },
};
