import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const atlassian: ProviderEntry = {
  slug: 'atlassian',
  name: 'Atlassian',
  description: 'Access Jira and Confluence Cloud sites through Atlassian OAuth 2.0 (3LO).',
  category: 'project-management',
  docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
  logo: 'atlassian',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.atlassian.com',
  oauth: {
    authorizationUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    tokenRequestEncoding: 'json',
    defaultScopes: ['read:me', 'offline_access'],
    authorizationParams: {
      audience: 'api.atlassian.com',
      prompt: 'consent',
    },
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc('https://developer.atlassian.com/cloud/oauth/getting-started/implementing-oauth-3lo'),
    tokenUrl: doc('https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens'),
    pkce: unconfirmed("Atlassian's 3LO pages describe the code exchange without code_challenge; PKCE off (conservative)."),
    clientAuth: doc('https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens'),
    tokenRequestEncoding: doc('https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens'),
    scopeSeparator: doc('https://developer.atlassian.com/cloud/oauth/getting-started/implementing-oauth-3lo'),
    defaultScopes: unconfirmed(
      'offline_access is documented as what yields a refresh token (https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens); read:me (the /me profile) was not re-confirmed on a page checked today.',
    ),
    tokenLifetime: doc('https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens'),
    refreshToken: doc('https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens'),
    revocation: unconfirmed(
      'No token revocation endpoint is documented for 3LO apps; none is used, so a disconnect only erases the stored tokens.',
    ),
    apiBaseUrl: unconfirmed(
      'https://api.atlassian.com, the host of /oauth/token/accessible-resources and of the ex/jira/{cloudid} routes 3LO apps call; not stated in a sentence on the pages checked today.',
    ),
  },
};
