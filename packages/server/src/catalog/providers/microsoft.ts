import type { ProviderDefinition } from '../provider-definition.ts';

export const microsoft: ProviderDefinition = {
  slug: 'microsoft',
  name: 'Microsoft',
  description: 'Access Microsoft 365 data such as Outlook, OneDrive and Teams through Microsoft Graph.',
  docsUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  authMethods: ['oauth'],
  authorizationUrl: 'https://login.microsoftonline.com/${config.tenant}/oauth2/v2.0/authorize',
  tokenUrl: 'https://login.microsoftonline.com/${config.tenant}/oauth2/v2.0/token',
  refreshTokenUrl: null,
  // The Microsoft identity platform has no token revocation endpoint.
  revocationUrl: null,
  revocationAuth: null,
  defaultScopes: ['openid', 'profile', 'email', 'offline_access', 'User.Read'],
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'client_secret_post',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  // Tenant-specific (https://login.microsoftonline.com/{tenantid}/v2.0), unknown for "common".
  issuer: null,
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
  // Each refresh returns a new refresh token but the previous one stays valid until it expires.
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
