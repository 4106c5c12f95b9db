import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developers.mural.co/public/docs/oauth';
const SERVER_SETUP = 'https://developers.mural.co/public/docs/basic-oauth-server-setup';
const CURRENT_USER = 'https://developers.mural.co/public/reference/getcurrentmember';

export const mural: ProviderEntry = {
  slug: 'mural',
  name: 'Mural',
  description: 'Read and edit murals, rooms and workspaces on Mural visual collaboration boards for the signed-in user.',
  category: 'docs-design',
  docsUrl: OAUTH,
  logo: 'mural',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://app.mural.co/api/public/v1',
  oauth: {
    authorizationUrl: 'https://app.mural.co/api/public/v1/authorization/oauth2/',
    tokenUrl: 'https://app.mural.co/api/public/v1/authorization/oauth2/token',
    // Mural refreshes at its own endpoint, which hands back a new refresh token every time.
    refreshTokenUrl: 'https://app.mural.co/api/public/v1/authorization/oauth2/refresh',
    pkce: true,
    tokenRequestEncoding: 'json',
    // identity:read is what GET /users/me needs: enough to tell whose account is connected.
    defaultScopes: ['identity:read'],
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    refreshTokenUrl: doc(OAUTH),
    pkce: doc(OAUTH),
    clientAuth: doc(SERVER_SETUP),
    tokenRequestEncoding: unconfirmed(
      "Mural's server-setup example posts the code exchange as a JSON object; form encoding is not shown, so JSON is used.",
    ),
    scopeSeparator: doc(SERVER_SETUP),
    defaultScopes: doc(CURRENT_USER),
    tokenLifetime: unconfirmed(
      'The lifetime is not stated; the token response is trusted for expires_in and no lifetime is assumed without it.',
    ),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed("No token revocation endpoint is described in Mural's API docs; none is called."),
    apiBaseUrl: doc(CURRENT_USER),
  },
};
