import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/';

export const harvest: ProviderEntry = {
  slug: 'harvest',
  name: 'Harvest',
  description: 'Time entries, projects, clients and invoices in Harvest; API calls also need a Harvest-Account-Id header.',
  category: 'productivity',
  docsUrl: AUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.harvestapp.com/v2',
  oauth: {
    authorizationUrl: 'https://id.getharvest.com/oauth2/authorize',
    tokenUrl: 'https://id.getharvest.com/api/v2/oauth2/token',
    defaultScopes: ['harvest:all'],
    tokenLifetimeSeconds: 1209600,
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(AUTH),
    pkce: unconfirmed('The authentication page does not mention PKCE; PKCE off.'),
    clientAuth: doc(AUTH),
    tokenRequestEncoding: unconfirmed(
      'RFC 6749 form encoding; the v1 server-side guide required x-www-form-urlencoded and the v2 page was not read to the request example.',
    ),
    scopeSeparator: unconfirmed('A single scope is requested by default; space, as in RFC 6749.'),
    defaultScopes: doc(AUTH),
    tokenLifetime: doc(AUTH),
    refreshToken: unconfirmed(
      'Refresh at the same token URL with grant_type=refresh_token; whether the refresh token rotates was not confirmed, so it is not assumed.',
    ),
    revocation: unconfirmed('No revocation endpoint is documented; none is configured.'),
    apiBaseUrl: doc(AUTH),
  },
};
