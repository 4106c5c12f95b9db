import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Each refresh returns a new refresh token but the previous one stays valid until it expires.',
    ),
    revocation: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: The Microsoft identity platform has no token revocation endpoint.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    issuer: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Tenant-specific (https://login.microsoftonline.com/{tenantid}/v2.0), unknown for "common"; none set.',
    ),
  },
};
