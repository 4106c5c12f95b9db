import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHORIZE = 'https://developers.pandadoc.com/reference/authorize-a-user';
const ACCESS_TOKEN = 'https://developers.pandadoc.com/reference/access-token';
const OVERVIEW = 'https://developers.pandadoc.com/reference/auth-overview';

export const pandadoc: ProviderEntry = {
  slug: 'pandadoc',
  name: 'PandaDoc',
  description: 'Create, send and track documents, templates and e-signatures in PandaDoc.',
  category: 'docs-design',
  docsUrl: 'https://developers.pandadoc.com/reference/authentication-process',
  authMethods: ['oauth', 'api_key'],
  apiBaseUrl: 'https://api.pandadoc.com',
  oauth: {
    authorizationUrl: 'https://app.pandadoc.com/oauth2/authorize',
    tokenUrl: 'https://api.pandadoc.com/oauth2/access_token',
    // "read" views templates and documents; "write" is added only when asked for.
    defaultScopes: ['read'],
  },
  apiKey: {
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        description: 'A PandaDoc API key from the Developer Dashboard (legacy method; OAuth is recommended).',
        scope: 'installation',
        pattern: '^[A-Za-z0-9]{16,256}$',
        required: true,
        secret: true,
      },
    ],
    presentation: { type: 'header', name: 'Authorization', scheme: 'API-Key' },
  },
  sources: {
    authorizationUrl: doc(AUTHORIZE),
    tokenUrl: doc(ACCESS_TOKEN),
    pkce: unconfirmed('The authentication pages describe no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(ACCESS_TOKEN),
    tokenRequestEncoding: doc(ACCESS_TOKEN),
    scopeSeparator: doc(AUTHORIZE),
    defaultScopes: doc(AUTHORIZE),
    tokenLifetime: doc(ACCESS_TOKEN),
    refreshToken: doc(ACCESS_TOKEN),
    revocation: unconfirmed('No revocation endpoint is documented for OAuth tokens; none is called.'),
    apiBaseUrl: doc(ACCESS_TOKEN),
    apiKey: doc(OVERVIEW),
  },
};
