import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const APP = 'https://help.gong.io/docs/create-an-app-for-gong';

export const gong: ProviderEntry = {
  slug: 'gong',
  name: 'Gong',
  description: 'Read calls, transcripts, users and stats from a Gong company account.',
  category: 'crm',
  docsUrl: APP,
  authMethods: ['oauth'],
  // Each customer has its own API base, returned as api_base_url_for_customer (kept as metadata).
  apiBaseUrl: 'https://api.gong.io/v2',
  oauth: {
    authorizationUrl: 'https://app.gong.io/oauth2/authorize',
    tokenUrl: 'https://app.gong.io/oauth2/generate-customer-token',
    clientAuth: 'basic',
    tokenRequestEncoding: 'query',
    defaultScopes: ['api:users:read'],
    metadataFields: ['api_base_url_for_customer'],
  },
  sources: {
    authorizationUrl: doc(APP),
    tokenUrl: doc('https://contact.gong.io/hc/en-us/articles/13944551222157-Create-an-app-for-Gong'),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: unconfirmed(
      "The token step of Gong's app guide was not readable in the sources consulted; HTTP Basic client authentication is chosen, as independent integrations use it.",
    ),
    tokenRequestEncoding: unconfirmed(
      "Not confirmed in Gong's pages; the parameters are sent in the query string of the POST, as independent integrations do.",
    ),
    scopeSeparator: doc(APP),
    defaultScopes: doc('https://help.gong.io/apidocs/introduction-2'),
    tokenLifetime: unconfirmed('The token response is assumed to carry expires_in; no default lifetime is set.'),
    refreshToken: unconfirmed('A refresh token is issued with the access token; rotation is not stated by Gong, so it is not assumed.'),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    tokenResponse: unconfirmed(
      "api_base_url_for_customer in the token response is known from integrators, not read in Gong's pages; kept as metadata.",
    ),
    apiBaseUrl: doc('https://help.gong.io/apidocs/introduction-2'),
  },
};
