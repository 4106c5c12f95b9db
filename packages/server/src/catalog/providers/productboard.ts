import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developer.productboard.com/reference/oauth-authorization-code';

export const productboard: ProviderEntry = {
  slug: 'productboard',
  name: 'Productboard',
  description: 'Features, notes and product hierarchy of a Productboard workspace through its public API.',
  category: 'project-management',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.productboard.com',
  oauth: {
    authorizationUrl: 'https://app.productboard.com/oauth2/authorize',
    tokenUrl: 'https://app.productboard.com/oauth2/token',
    pkce: true,
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: doc(OAUTH),
    clientAuth: unconfirmed('client_id and client_secret in the form body (client_secret_post); not confirmed in what was read.'),
    tokenRequestEncoding: unconfirmed('RFC 6749 form encoding; not confirmed in what was read.'),
    scopeSeparator: unconfirmed('Space, as in RFC 6749.'),
    defaultScopes: unconfirmed(
      'No scope is requested by default: the scopes a user may grant depend on their role and on the registered app, so the operator picks them on the integration.',
    ),
    tokenLifetime: unconfirmed('Not confirmed; the token response is relied on for expires_in.'),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('A revocation endpoint was not confirmed on the page; none is configured.'),
    apiBaseUrl: unconfirmed('https://api.productboard.com is the public API host; not re-read on the OAuth page.'),
  },
};
