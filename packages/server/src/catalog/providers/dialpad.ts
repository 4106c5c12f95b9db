import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developers.dialpad.com/docs/oauth';

export const dialpad: ProviderEntry = {
  slug: 'dialpad',
  name: 'Dialpad',
  description: 'Calls, contacts and users of a Dialpad company, for apps registered with Dialpad (production).',
  category: 'communication',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://dialpad.com/api/v2',
  oauth: {
    authorizationUrl: 'https://dialpad.com/oauth2/authorize',
    tokenUrl: 'https://dialpad.com/oauth2/token',
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('PKCE support was not confirmed on the OAuth page; PKCE off.'),
    clientAuth: unconfirmed('client_id and client_secret in the form body (client_secret_post); not confirmed on the OAuth page.'),
    tokenRequestEncoding: unconfirmed('RFC 6749 form encoding; not confirmed on the OAuth page.'),
    scopeSeparator: unconfirmed('Space, as in RFC 6749; special scopes are granted at app registration.'),
    defaultScopes: unconfirmed(
      'No scope is requested: base access comes with the registered app, special scopes are agreed at registration.',
    ),
    tokenLifetime: unconfirmed(
      'Not confirmed; the token response is relied on for expires_in, and a response without it is treated as not expiring.',
    ),
    refreshToken: unconfirmed(
      'Refresh support and rotation were not confirmed; a returned refresh token is used, rotation is not assumed.',
    ),
    revocation: unconfirmed('No RFC 7009 revocation endpoint was confirmed; none is configured.'),
    apiBaseUrl: doc('https://developers.dialpad.com/docs/authentication-basics'),
  },
};
