import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHORIZE = 'https://aps.autodesk.com/en/docs/oauth/v2/reference/http/authorize-GET';
const TOKEN = 'https://aps.autodesk.com/en/docs/oauth/v2/reference/http/gettoken-POST';
const SCOPES = 'https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/scopes';

export const autodesk: ProviderEntry = {
  slug: 'autodesk',
  name: 'Autodesk Platform Services',
  description:
    'Act for an Autodesk user through Autodesk Platform Services (formerly Forge): hubs, projects, files and design data in ACC, BIM 360 and Fusion.',
  category: 'docs-design',
  docsUrl: 'https://aps.autodesk.com/en/docs/oauth/v2/tutorials/get-3-legged-token',
  logo: 'autodesk',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://developer.api.autodesk.com',
  oauth: {
    authorizationUrl: 'https://developer.api.autodesk.com/authentication/v2/authorize',
    tokenUrl: 'https://developer.api.autodesk.com/authentication/v2/token',
    pkce: true,
    // Header or body are both accepted, never both at once (400).
    clientAuth: 'basic',
    defaultScopes: ['user-profile:read', 'data:read'],
    revocation: { url: 'https://developer.api.autodesk.com/authentication/v2/revoke', auth: 'basic' },
  },
  sources: {
    authorizationUrl: doc(AUTHORIZE),
    tokenUrl: doc(TOKEN),
    pkce: doc(TOKEN),
    clientAuth: doc(TOKEN),
    tokenRequestEncoding: doc(TOKEN),
    scopeSeparator: doc(AUTHORIZE),
    defaultScopes: doc(SCOPES),
    // Access tokens live 60 minutes, refresh tokens 15 days; the token answer carries expires_in.
    tokenLifetime: doc(AUTHORIZE),
    // A refresh answers a new refresh token; whether the previous one stops working is not stated on the pages read.
    refreshToken: doc(TOKEN),
    revocation: unconfirmed(
      'POST /authentication/v2/revoke with a form body is documented (reference/http/revoke-POST); the page read shows the public-client form, Basic is assumed for a confidential app as at the token endpoint.',
    ),
    apiBaseUrl: doc(TOKEN),
  },
};
