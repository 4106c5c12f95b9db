import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Not documented for 3LO.'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: offline_access is what makes Atlassian issue a refresh token.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: No revocation endpoint is documented for 3LO.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
