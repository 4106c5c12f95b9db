import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developer.close.com/api/overview/oauth-authentication';

export const close: ProviderEntry = {
  slug: 'close',
  name: 'Close',
  description: 'Work with leads, contacts, opportunities and activities in a Close CRM organization.',
  category: 'crm',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.close.com/api/v1',
  oauth: {
    authorizationUrl: 'https://app.close.com/oauth2/authorize/',
    tokenUrl: 'https://api.close.com/oauth2/token/',
    refreshTokenRotates: true,
    metadataFields: ['organization_id', 'user_id'],
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: unconfirmed('No scope parameter is documented; the OAuth default (space) is kept.'),
    // Every OAuth app is granted all.full_access and offline_access without asking for them.
    defaultScopes: doc('https://developer.close.com/integrations/create-an-oauth-app'),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    tokenResponse: doc(OAUTH),
    apiBaseUrl: doc('https://developer.close.com/api/overview/api-key-authentication'),
  },
};
