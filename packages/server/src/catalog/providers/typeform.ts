import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const APPS = 'https://www.typeform.com/developers/get-started/applications/';
const SCOPES = 'https://www.typeform.com/developers/get-started/scopes/';

export const typeform: ProviderEntry = {
  slug: 'typeform',
  name: 'Typeform',
  description: 'Create and read forms, responses and webhooks in a Typeform account.',
  category: 'productivity',
  docsUrl: APPS,
  logo: 'typeform',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.typeform.com',
  oauth: {
    authorizationUrl: 'https://api.typeform.com/oauth/authorize',
    tokenUrl: 'https://api.typeform.com/oauth/token',
    // `offline` is what makes Typeform issue a refresh token.
    defaultScopes: ['accounts:read', 'offline'],
  },
  sources: {
    authorizationUrl: doc(APPS),
    tokenUrl: doc(APPS),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(APPS),
    tokenRequestEncoding: doc(APPS),
    scopeSeparator: doc(SCOPES),
    defaultScopes: doc(SCOPES),
    tokenLifetime: doc(APPS),
    refreshToken: doc(SCOPES),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    apiBaseUrl: doc(APPS),
  },
};
