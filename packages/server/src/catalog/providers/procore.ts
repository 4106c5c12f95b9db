import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const ENDPOINTS = 'https://developers.procore.com/documentation/content/oauth-endpoints';
const ENVIRONMENTS = 'https://developers.procore.com/documentation/content/development-environments';
const TROUBLESHOOTING = 'https://developers.procore.com/documentation/content/troubleshooting';

export const procore: ProviderEntry = {
  slug: 'procore',
  name: 'Procore',
  description: 'Read and manage construction projects, RFIs, submittals, documents and directories in Procore (production or a sandbox).',
  category: 'project-management',
  docsUrl: 'https://developers.procore.com/documentation/content/oauth-auth-grant-flow',
  authMethods: ['oauth'],
  hosts: ['procore.com'],
  apiBaseUrl: 'https://${config.procoreApiHost}',
  configFields: [
    {
      name: 'procoreLoginHost',
      label: 'Authentication host',
      description:
        'login.procore.com (production, the default), login-sandbox.procore.com (development sandbox) or login-sandbox-monthly.procore.com (monthly sandbox).',
      scope: 'integration',
      pattern: '^login(-sandbox|-sandbox-monthly)?\\.procore\\.com$',
      required: false,
      default: 'login.procore.com',
      secret: false,
      kind: 'host',
    },
    {
      name: 'procoreApiHost',
      label: 'API host',
      description:
        'api.procore.com (production, the default), sandbox.procore.com (development sandbox) or api-monthly.procore.com (monthly sandbox).',
      scope: 'integration',
      pattern: '^(api|sandbox|api-monthly)\\.procore\\.com$',
      required: false,
      default: 'api.procore.com',
      secret: false,
      kind: 'host',
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.procoreLoginHost}/oauth/authorize',
    tokenUrl: 'https://${config.procoreLoginHost}/oauth/token',
    // Refresh tokens are single-use: a refresh invalidates the one it was made with.
    refreshTokenRotates: true,
    // Revoking the access token also revokes its refresh token.
    revocation: { url: 'https://${config.procoreLoginHost}/oauth/revoke' },
  },
  sources: {
    authorizationUrl: doc(ENDPOINTS),
    tokenUrl: doc(ENDPOINTS),
    pkce: unconfirmed('The authentication endpoints list no PKCE parameters for confidential apps; PKCE off (conservative).'),
    clientAuth: doc(ENDPOINTS),
    tokenRequestEncoding: doc(TROUBLESHOOTING),
    scopeSeparator: unconfirmed("Procore has no OAuth scopes (access follows the user's permissions); the space of RFC 6749 is kept."),
    defaultScopes: unconfirmed('None: the authorization endpoint takes no scope parameter.'),
    tokenLifetime: doc(TROUBLESHOOTING),
    refreshToken: doc(TROUBLESHOOTING),
    revocation: doc(ENDPOINTS),
    hosts: doc(ENVIRONMENTS),
    apiBaseUrl: doc(ENVIRONMENTS),
  },
};
