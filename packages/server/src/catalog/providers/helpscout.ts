import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://developer.helpscout.com/mailbox-api/overview/authentication/';

export const helpscout: ProviderEntry = {
  slug: 'helpscout',
  name: 'Help Scout',
  description: 'Read and reply to conversations, customers and mailboxes in a Help Scout account.',
  category: 'support',
  docsUrl: AUTH,
  logo: 'helpscout',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.helpscout.net/v2',
  oauth: {
    authorizationUrl: 'https://secure.helpscout.net/authentication/authorizeClientApplication',
    tokenUrl: 'https://api.helpscout.net/v2/oauth2/token',
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(AUTH),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(AUTH),
    // The page accepts JSON, form or query parameters in its POST requests.
    tokenRequestEncoding: doc(AUTH),
    scopeSeparator: unconfirmed('The Mailbox API has no scopes; the OAuth default (space) is kept.'),
    defaultScopes: doc(AUTH),
    tokenLifetime: doc(AUTH),
    refreshToken: doc(AUTH),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    apiBaseUrl: doc(AUTH),
  },
};
