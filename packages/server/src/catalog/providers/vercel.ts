import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH_SERVER = 'https://vercel.com/docs/sign-in-with-vercel/authorization-server-api';
const TOKENS = 'https://vercel.com/docs/sign-in-with-vercel/tokens';
const METADATA = 'https://vercel.com/.well-known/oauth-authorization-server';

export const vercel: ProviderEntry = {
  slug: 'vercel',
  name: 'Vercel',
  description: 'Sign in with Vercel and call the Vercel REST API for the user: projects, deployments and teams.',
  category: 'cloud',
  docsUrl: AUTH_SERVER,
  logo: 'vercel',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.vercel.com',
  oauth: {
    authorizationUrl: 'https://vercel.com/oauth/authorize',
    tokenUrl: 'https://api.vercel.com/login/oauth/token',
    pkce: true,
    clientAuth: 'basic',
    // offline_access is what makes the token endpoint issue a refresh token; openid identifies the user.
    defaultScopes: ['openid', 'offline_access'],
    issuer: 'https://vercel.com',
    tokenLifetimeSeconds: 3600,
    revocation: { url: 'https://api.vercel.com/login/oauth/token/revoke', auth: 'basic' },
  },
  sources: {
    authorizationUrl: doc(AUTH_SERVER),
    tokenUrl: doc(AUTH_SERVER),
    pkce: doc(AUTH_SERVER),
    clientAuth: doc('https://vercel.com/docs/sign-in-with-vercel/manage-from-dashboard'),
    tokenRequestEncoding: unconfirmed(
      'The pages read call the token endpoint standard OAuth 2.0 without showing a request body; the RFC 6749 form encoding is used.',
    ),
    scopeSeparator: doc(AUTH_SERVER),
    defaultScopes: doc(AUTH_SERVER),
    tokenLifetime: doc(TOKENS),
    refreshToken: unconfirmed(
      'Refresh tokens (offline_access) last 30 days per the Tokens page; whether each refresh rotates is not stated in what was read, so rotation is not assumed.',
    ),
    revocation: doc(METADATA),
    issuer: doc(METADATA),
    apiBaseUrl: doc(TOKENS),
  },
};
