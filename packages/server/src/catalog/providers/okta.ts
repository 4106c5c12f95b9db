import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH_CODE = 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/';
const REFRESH = 'https://developer.okta.com/docs/guides/refresh-tokens/main/';
const REVOKE = 'https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/customas/revokecustomas';

export const okta: ProviderEntry = {
  slug: 'okta',
  name: 'Okta',
  description: 'Sign users in through an Okta org and call the Okta API for the user, using the org authorization server.',
  category: 'identity',
  docsUrl: AUTH_CODE,
  logo: 'okta',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.oktaOrg}.okta.com/api/v1',
  configFields: [
    {
      name: 'oktaOrg',
      label: 'Okta org',
      description: 'The org subdomain the app integration lives in: "acme" for acme.okta.com.',
      scope: 'integration',
      pattern: '^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.oktaOrg}.okta.com/oauth2/v1/authorize',
    tokenUrl: 'https://${config.oktaOrg}.okta.com/oauth2/v1/token',
    pkce: true,
    clientAuth: 'basic',
    // offline_access is what makes Okta issue a refresh token in the code flow.
    defaultScopes: ['openid', 'profile', 'offline_access'],
    revocation: { url: 'https://${config.oktaOrg}.okta.com/oauth2/v1/revoke', auth: 'basic' },
  },
  sources: {
    // The guides write https://${yourOktaDomain}; only <org>.okta.com orgs are covered: oktapreview.com,
    // okta-emea.com and custom URL domains would leave the entry's hosts (docs/security.md B, built-in URL templates).
    authorizationUrl: doc(AUTH_CODE),
    tokenUrl: doc(AUTH_CODE),
    pkce: doc(REFRESH),
    clientAuth: doc(AUTH_CODE),
    tokenRequestEncoding: doc(AUTH_CODE),
    scopeSeparator: doc(REFRESH),
    defaultScopes: doc(REFRESH),
    tokenLifetime: doc(AUTH_CODE),
    refreshToken: doc(REFRESH),
    revocation: doc(REVOKE),
    apiBaseUrl: unconfirmed(
      'The Okta management API lives at https://${yourOktaDomain}/api/v1 and needs okta.* scopes granted to the app; the default scopes only identify the user.',
    ),
  },
};
