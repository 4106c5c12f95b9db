import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://neon.com/docs/guides/oauth-integration';

export const neon: ProviderEntry = {
  slug: 'neon',
  name: 'Neon',
  description: 'Read and manage Neon Postgres projects for a user; Neon grants OAuth apps to commercial partners only.',
  category: 'cloud',
  docsUrl: OAUTH,
  logo: 'neon',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://console.neon.tech/api/v2',
  oauth: {
    authorizationUrl: 'https://oauth2.neon.tech/oauth2/auth',
    tokenUrl: 'https://oauth2.neon.tech/oauth2/token',
    pkce: true,
    // Neon issues a refresh token only when both offline and offline_access are requested.
    defaultScopes: ['openid', 'offline', 'offline_access', 'urn:neoncloud:projects:read'],
    revocation: { url: 'https://oauth2.neon.tech/oauth2/revoke' },
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: doc(OAUTH),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: unconfirmed(
      'The page lists the token parameters without an encoding; the server metadata follows the standard (RFC 6749 form).',
    ),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc(OAUTH),
    tokenLifetime: unconfirmed('No lifetime is stated; the token response is relied on for expires_in.'),
    refreshToken: unconfirmed(
      'A refresh token needs the offline and offline_access scopes (documented); whether it rotates is not stated, so it is not assumed.',
    ),
    revocation: doc(OAUTH),
    apiBaseUrl: unconfirmed(
      'The page points to the Neon API (https://api-docs.neon.tech/reference/getting-started-with-neon-api) whose base is https://console.neon.tech/api/v2; that base was not read on a Neon page this time.',
    ),
  },
};
