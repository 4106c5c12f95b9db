import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH_API = 'https://auth0.com/docs/api/authentication';

export const auth0: ProviderEntry = {
  slug: 'auth0',
  name: 'Auth0',
  description: 'Sign users in through an Auth0 tenant and read their profile from the tenant.',
  category: 'identity',
  docsUrl: AUTH_API,
  logo: 'auth0',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.tenant_domain}',
  // Auth0-hosted tenant domains only: a custom domain would leave `hosts` (docs/security.md B, built-in URL templates).
  hosts: ['auth0.com'],
  configFields: [
    {
      name: 'tenant_domain',
      label: 'Auth0 domain',
      description: 'The tenant domain from the application settings, e.g. "acme.us.auth0.com".',
      scope: 'integration',
      pattern: '^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-z]{2})?\\.auth0\\.com$',
      required: true,
      secret: false,
      kind: 'host',
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.tenant_domain}/authorize',
    tokenUrl: 'https://${config.tenant_domain}/oauth/token',
    pkce: true,
    // offline_access is what makes Auth0 issue a refresh token.
    defaultScopes: ['openid', 'profile', 'offline_access'],
    // Auth0 revokes refresh tokens only, with a JSON body carrying the client credentials.
    revocation: { url: 'https://${config.tenant_domain}/oauth/revoke', encoding: 'json' },
  },
  sources: {
    authorizationUrl: doc(AUTH_API),
    tokenUrl: doc(AUTH_API),
    pkce: doc(AUTH_API),
    clientAuth: doc(AUTH_API),
    tokenRequestEncoding: doc(AUTH_API),
    scopeSeparator: unconfirmed('The examples read do not join several scopes; the OpenID Connect space separator is used.'),
    defaultScopes: unconfirmed(
      'openid and profile identify the user and offline_access asks for a refresh token; the scope pages were not read in full.',
    ),
    tokenLifetime: unconfirmed('The token response carries expires_in; no fallback lifetime is assumed.'),
    refreshToken: unconfirmed(
      'Refresh tokens need offline_access; rotation is a per-application setting that was not confirmed, so it is not assumed.',
    ),
    revocation: doc(AUTH_API),
    hosts: unconfirmed('Tenant domains are <tenant>.auth0.com or <tenant>.<region>.auth0.com; custom domains are left out (conservative).'),
    apiBaseUrl: unconfirmed(
      'A user token from this flow reads /userinfo on the tenant domain; the Management API needs its own audience, so the tenant root is the base.',
    ),
  },
};
