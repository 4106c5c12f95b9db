import { doc, type ProviderEntry } from '../provider-definition.ts';

const OAUTH = 'https://docs.gitlab.com/api/oauth2/';

export const gitlab: ProviderEntry = {
  slug: 'gitlab',
  name: 'GitLab',
  description: 'Access projects, merge requests and issues on GitLab.com or a self-managed GitLab.',
  category: 'developer',
  docsUrl: OAUTH,
  logo: 'gitlab',
  authMethods: ['oauth'],
  apiBaseUrl: '${config.baseUrl}/api/v4',
  // gitlab.com's; the URLs all open with the pinned base URL, exempt from the suffix rule.
  hosts: ['gitlab.com'],
  configFields: [
    {
      name: 'baseUrl',
      label: 'GitLab URL',
      description: 'https://gitlab.com (the default) or the base URL of a self-managed instance, such as https://gitlab.example.com.',
      scope: 'integration',
      pattern:
        '^https://[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)*$',
      required: false,
      secret: false,
      kind: 'baseUrl',
      default: 'https://gitlab.com',
    },
  ],
  oauth: {
    authorizationUrl: '${config.baseUrl}/oauth/authorize',
    tokenUrl: '${config.baseUrl}/oauth/token',
    pkce: true,
    redirectUriOnRefresh: true,
    defaultScopes: ['read_user'],
    // gitlab.com's; a self-managed instance is its own issuer (its base URL).
    issuer: 'https://gitlab.com',
    refreshTokenRotates: true,
    revocation: { url: '${config.baseUrl}/oauth/revoke' },
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: doc(OAUTH),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    redirectUriOnRefresh: doc(OAUTH),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc('https://docs.gitlab.com/integration/oauth_provider/'),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: doc(OAUTH),
    issuer: doc('https://gitlab.com/.well-known/openid-configuration'),
    apiBaseUrl: doc('https://docs.gitlab.com/api/rest/'),
    hosts: doc(OAUTH),
  },
};
