import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://devcenter.heroku.com/articles/oauth';

export const heroku: ProviderEntry = {
  slug: 'heroku',
  name: 'Heroku',
  description: 'Read and manage Heroku apps, dynos and add-ons through the Platform API.',
  category: 'cloud',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.heroku.com',
  oauth: {
    authorizationUrl: 'https://id.heroku.com/oauth/authorize',
    tokenUrl: 'https://id.heroku.com/oauth/token',
    // Read-only access to the account: enough to identify the user.
    defaultScopes: ['identity'],
    tokenLifetimeSeconds: 28800,
    metadataFields: ['user_id'],
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('The OAuth article does not mention PKCE; PKCE off.'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc(OAUTH),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed(
      'Heroku revokes by authorization id (DELETE https://api.heroku.com/oauth/authorizations/{id}), which the token response does not carry; no token-based revocation, so none is configured.',
    ),
    tokenResponse: doc(OAUTH),
    apiBaseUrl: doc(OAUTH),
  },
};
