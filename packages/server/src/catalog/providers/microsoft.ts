import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const microsoft: ProviderEntry = {
  slug: 'microsoft',
  name: 'Microsoft',
  description: 'Access Microsoft 365 data such as Outlook, OneDrive and Teams through Microsoft Graph.',
  category: 'productivity',
  docsUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://graph.microsoft.com/v1.0',
  configFields: [
    {
      name: 'tenant',
      label: 'Tenant',
      description:
        'Directory (tenant) ID or verified domain; use "common" for any work or personal account, "organizations" for work accounts only.',
      scope: 'integration',
      pattern:
        '^(?:common|organizations|consumers|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    authorizationUrl: 'https://login.microsoftonline.com/${config.tenant}/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/${config.tenant}/oauth2/v2.0/token',
    pkce: true,
    defaultScopes: ['openid', 'profile', 'email', 'offline_access', 'User.Read'],
  },
  sources: {
    authorizationUrl: doc('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'),
    tokenUrl: doc('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'),
    pkce: doc('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'),
    clientAuth: doc('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'),
    tokenRequestEncoding: doc('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'),
    scopeSeparator: doc('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'),
    defaultScopes: unconfirmed(
      "openid profile email offline_access User.Read: sign-in, a refresh token and the user's profile (https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc); not re-read today.",
    ),
    tokenLifetime: doc('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'),
    refreshToken: unconfirmed(
      'Each refresh returns a new refresh token but the previous one stays valid until it expires, so not treated as rotating (https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens); not re-read today.',
    ),
    revocation: unconfirmed('The Microsoft identity platform has no token revocation endpoint; none is used.'),
    apiBaseUrl: unconfirmed(
      "https://graph.microsoft.com/v1.0, Microsoft Graph's stable endpoint (https://learn.microsoft.com/en-us/graph/use-the-api); not re-read today.",
    ),
    issuer: unconfirmed('Tenant-specific (https://login.microsoftonline.com/{tenantid}/v2.0), unknown for "common"; none set.'),
  },
};
