import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

/** Reddit's own OAuth2 documentation, kept in its archived source repository's wiki. */
const WIKI = 'https://github.com/reddit-archive/reddit/wiki/OAuth2';

export const reddit: ProviderEntry = {
  slug: 'reddit',
  name: 'Reddit',
  description: 'Read and post to subreddits, comments and messages on behalf of a Reddit user.',
  category: 'social',
  docsUrl: WIKI,
  logo: 'reddit',
  authMethods: ['oauth'],
  // API calls made with the token go to oauth.reddit.com and need a descriptive User-Agent.
  apiBaseUrl: 'https://oauth.reddit.com',
  oauth: {
    authorizationUrl: 'https://www.reddit.com/api/v1/authorize',
    tokenUrl: 'https://www.reddit.com/api/v1/access_token',
    clientAuth: 'basic',
    defaultScopes: ['identity'],
    // A refresh token is issued only for duration=permanent.
    authorizationParams: { duration: 'permanent' },
    revocation: { url: 'https://www.reddit.com/api/v1/revoke_token', auth: 'basic' },
  },
  sources: {
    authorizationUrl: doc(WIKI),
    tokenUrl: doc(WIKI),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(WIKI),
    tokenRequestEncoding: doc(WIKI),
    scopeSeparator: doc(WIKI),
    defaultScopes: doc(WIKI),
    tokenLifetime: doc(WIKI),
    refreshToken: doc(WIKI),
    revocation: doc(WIKI),
    apiBaseUrl: doc(WIKI),
  },
};
