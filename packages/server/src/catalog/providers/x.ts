import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: unconfirmed(
      'https://x.com/i/oauth2/authorize per https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token (step 1); the URL itself was cut from the copy checked today.',
    ),
    tokenUrl: doc('https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code'),
    pkce: doc('https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code'),
    clientAuth: doc('https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token'),
    tokenRequestEncoding: doc('https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code'),
    scopeSeparator: doc('https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token'),
    defaultScopes: doc('https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code'),
    tokenLifetime: doc('https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code'),
    refreshToken: unconfirmed(
      'offline.access yields a refresh token (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code); that each refresh returns a new one was kept from before, not confirmed on the pages checked today.',
    ),
    revocation: unconfirmed(
      'POST https://api.x.com/2/oauth2/revoke with Basic client authentication per https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token; that step was not in the copy checked today.',
    ),
    apiBaseUrl: unconfirmed(
      'https://api.x.com/2, the X API v2 base (the token endpoint lives under it, https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code); not stated in a sentence on the pages checked today.',
    ),
  },
};
