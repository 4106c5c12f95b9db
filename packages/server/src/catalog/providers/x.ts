import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const x: ProviderEntry = {
  slug: 'x',
  name: 'X (Twitter)',
  description: 'Read posts and profile data on X.',
  category: 'social',
  docsUrl: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token',
  logo: 'x',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.x.com/2',
  oauth: {
    authorizationUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
    pkce: true,
    clientAuth: 'basic',
    defaultScopes: ['tweet.read', 'users.read', 'offline.access'],
    refreshTokenRotates: true,
    revocation: {
      url: 'https://api.x.com/2/oauth2/revoke',
      auth: 'basic',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Required by X.'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: offline.access is what makes X issue a refresh token.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
