import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const GUIDE = 'https://developer.todoist.com/guides/#oauth';
const API_AUTH = 'https://developer.todoist.com/api/v1/#tag/Authorization';

export const todoist: ProviderEntry = {
  slug: 'todoist',
  name: 'Todoist',
  description: 'Access tasks and projects in Todoist.',
  category: 'productivity',
  docsUrl: GUIDE,
  logo: 'todoist',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.todoist.com/api/v1',
  oauth: {
    authorizationUrl: 'https://todoist.com/oauth/authorize',
    tokenUrl: 'https://todoist.com/oauth/access_token',
    scopeSeparator: ',',
    defaultScopes: ['data:read'],
    // RFC 7009 at the API v1 host: JSON body { token, token_type_hint }, the client as HTTP Basic.
    revocation: { url: 'https://api.todoist.com/api/v1/revoke', auth: 'basic', encoding: 'json' },
  },
  sources: {
    authorizationUrl: doc(GUIDE),
    tokenUrl: doc(GUIDE),
    pkce: unconfirmed('Not documented: PKCE off (conservative).'),
    clientAuth: doc(GUIDE),
    tokenRequestEncoding: doc(GUIDE),
    scopeSeparator: doc(GUIDE),
    defaultScopes: doc(GUIDE),
    tokenLifetime: unconfirmed(
      'The documented token answer has no expires_in and no lifetime is stated; none is assumed, and an expires_in is honoured when one is sent.',
    ),
    refreshToken: unconfirmed('The classic flow documents no refresh token; a refresh token in an answer is kept and used.'),
    revocation: doc(API_AUTH),
    apiBaseUrl: doc('https://developer.todoist.com/api/v1/'),
  },
};
