import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const GETTING_STARTED = 'https://documentation.bamboohr.com/docs/getting-started';
const OIDC = 'https://documentation.bamboohr.com/page/single-sign-on-sso-with-openid-connect';

// Every BambooHR account authorizes on its own subdomain; only <company>.bamboohr.com is accepted.
export const bamboohr: ProviderEntry = {
  slug: 'bamboohr',
  name: 'BambooHR',
  description: "Read employee records, time off and reports of a company's BambooHR account, as a user of that account.",
  category: 'hr-payroll',
  docsUrl: GETTING_STARTED,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.bamboohr.com/api/gateway.php/${config.companyDomain}/v1',
  configFields: [
    {
      name: 'companyDomain',
      label: 'BambooHR company domain',
      description: 'The part of the BambooHR address before .bamboohr.com: "acme" for acme.bamboohr.com.',
      scope: 'installation',
      pattern: '^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    // BambooHR routes on the `request` query parameter of authorize.php and token.php.
    authorizationUrl: 'https://${config.companyDomain}.bamboohr.com/authorize.php?request=authorize',
    tokenUrl: 'https://${config.companyDomain}.bamboohr.com/token.php?request=token',
    tokenRequestEncoding: 'json',
    // openid + email identify the user; offline_access is what makes BambooHR return a refresh token.
    defaultScopes: ['openid', 'email', 'offline_access'],
    tokenLifetimeSeconds: 3600,
    metadataFields: ['companyDomain'],
  },
  sources: {
    authorizationUrl: doc(GETTING_STARTED),
    tokenUrl: doc(GETTING_STARTED),
    pkce: unconfirmed('The OAuth flow on the getting-started page has no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(GETTING_STARTED),
    tokenRequestEncoding: doc(GETTING_STARTED),
    scopeSeparator: doc(GETTING_STARTED),
    defaultScopes: doc(OIDC),
    tokenLifetime: doc(GETTING_STARTED),
    refreshToken: unconfirmed(
      'A refresh token comes back only when offline_access was granted; the refresh request (grant_type=refresh_token at token.php) is shaped like the code exchange; rotation is not stated.',
    ),
    revocation: unconfirmed('No token revocation endpoint is documented; none is called.'),
    tokenResponse: doc(GETTING_STARTED),
    apiBaseUrl: doc(GETTING_STARTED),
  },
};
