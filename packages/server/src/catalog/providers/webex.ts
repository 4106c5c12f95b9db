import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const INTEGRATIONS = 'https://developer.webex.com/docs/integrations';

export const webex: ProviderEntry = {
  slug: 'webex',
  name: 'Webex',
  description: 'Act for a Webex user: messages, rooms, meetings and people through the Webex REST API.',
  category: 'communication',
  docsUrl: INTEGRATIONS,
  logo: 'webex',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://webexapis.com/v1',
  oauth: {
    authorizationUrl: 'https://webexapis.com/v1/authorize',
    tokenUrl: 'https://webexapis.com/v1/access_token',
    pkce: true,
    defaultScopes: ['spark:people_read'],
  },
  sources: {
    authorizationUrl: doc(INTEGRATIONS),
    tokenUrl: doc(INTEGRATIONS),
    pkce: doc(INTEGRATIONS),
    clientAuth: unconfirmed(
      'client_id and client_secret in the form body (client_secret_post), as the token step is usually shown; not re-read.',
    ),
    tokenRequestEncoding: unconfirmed('RFC 6749 form encoding; the token step was not re-read.'),
    scopeSeparator: unconfirmed('Space, as in RFC 6749; the scope list on the Integrations page does not show a joined example.'),
    defaultScopes: doc(INTEGRATIONS),
    tokenLifetime: unconfirmed('The token response carries expires_in (and refresh_token_expires_in); no fallback lifetime is assumed.'),
    refreshToken: unconfirmed('Refresh at the same token URL with grant_type=refresh_token; rotation is not assumed.'),
    revocation: unconfirmed('Integrations have no token revocation endpoint (only the admin Authorizations API); none is configured.'),
    apiBaseUrl: doc(INTEGRATIONS),
  },
};
