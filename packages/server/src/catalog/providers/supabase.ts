import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const INTEGRATION = 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration';

export const supabase: ProviderEntry = {
  slug: 'supabase',
  name: 'Supabase',
  description: "Manage a user's Supabase organizations and projects through the Management API.",
  category: 'developer',
  docsUrl: INTEGRATION,
  logo: 'supabase',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.supabase.com/v1',
  oauth: {
    authorizationUrl: 'https://api.supabase.com/v1/oauth/authorize',
    tokenUrl: 'https://api.supabase.com/v1/oauth/token',
    pkce: true,
    clientAuth: 'basic',
  },
  sources: {
    authorizationUrl: doc(INTEGRATION),
    tokenUrl: doc(INTEGRATION),
    pkce: doc(INTEGRATION),
    clientAuth: doc(INTEGRATION),
    tokenRequestEncoding: doc(INTEGRATION),
    // The scope parameter is deprecated: scopes are chosen when the OAuth app is created.
    scopeSeparator: unconfirmed('No scope is sent (the parameter is deprecated); the default space separator is kept.'),
    defaultScopes: doc(INTEGRATION),
    tokenLifetime: unconfirmed('The guide does not state a lifetime; the token response is relied on for expires_in.'),
    refreshToken: unconfirmed(
      'The guide refreshes at POST /v1/oauth/token with the returned refresh token; rotation is not stated, so it is not assumed.',
    ),
    revocation: unconfirmed('The integration guide documents no revocation endpoint; none is configured.'),
    apiBaseUrl: doc(INTEGRATION),
  },
};
