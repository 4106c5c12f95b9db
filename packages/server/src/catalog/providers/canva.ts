import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHENTICATION = 'https://www.canva.dev/docs/connect/authentication/';
const TOKEN = 'https://www.canva.dev/docs/connect/api-reference/authentication/generate-access-token/';
const REVOKE = 'https://www.canva.dev/docs/connect/api-reference/authentication/revoke-token/';

export const canva: ProviderEntry = {
  slug: 'canva',
  name: 'Canva',
  description: 'Create, export and organise designs, assets and folders with the Canva Connect APIs.',
  category: 'docs-design',
  docsUrl: AUTHENTICATION,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.canva.com/rest/v1',
  oauth: {
    authorizationUrl: 'https://www.canva.com/api/oauth/authorize',
    tokenUrl: 'https://api.canva.com/rest/v1/oauth/token',
    pkce: true,
    // Canva recommends HTTP Basic; client_id/client_secret in the body is also accepted.
    clientAuth: 'basic',
    // The scopes must also be enabled on the integration in the Developer Portal.
    defaultScopes: ['profile:read'],
    // Each refresh token can be used once.
    refreshTokenRotates: true,
    // Revoking a refresh token revokes its lineage and the user's consent.
    revocation: { url: 'https://api.canva.com/rest/v1/oauth/revoke', auth: 'basic' },
  },
  sources: {
    authorizationUrl: doc(AUTHENTICATION),
    tokenUrl: doc(TOKEN),
    pkce: doc(AUTHENTICATION),
    clientAuth: doc(TOKEN),
    tokenRequestEncoding: unconfirmed('Not quoted from the pages read; the urlencoded form of RFC 6749.'),
    scopeSeparator: doc(AUTHENTICATION),
    defaultScopes: unconfirmed('profile:read, the narrowest scope, enough to identify the user.'),
    tokenLifetime: doc(TOKEN),
    refreshToken: doc(AUTHENTICATION),
    revocation: doc(REVOKE),
    apiBaseUrl: doc(TOKEN),
  },
};
