import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://docs.digitalocean.com/reference/api/oauth/';

export const digitalocean: ProviderEntry = {
  slug: 'digitalocean',
  name: 'DigitalOcean',
  description: 'Manage Droplets, domains and other resources of a DigitalOcean team.',
  category: 'cloud',
  docsUrl: OAUTH,
  logo: 'digitalocean',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.digitalocean.com/v2',
  oauth: {
    authorizationUrl: 'https://cloud.digitalocean.com/v1/oauth/authorize',
    tokenUrl: 'https://cloud.digitalocean.com/v1/oauth/token',
    refreshTokenUrl: 'https://cloud.digitalocean.com/v1/oauth/refresh',
    // DigitalOcean documents the token request with every parameter in the query string.
    tokenRequestEncoding: 'query',
    defaultScopes: ['read'],
    tokenLifetimeSeconds: 2592000,
    refreshTokenRotates: true,
    metadataFields: ['info.uuid', 'info.team_uuid'],
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    refreshTokenUrl: doc(OAUTH),
    pkce: unconfirmed('The OAuth API reference does not mention PKCE; PKCE off.'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: doc(OAUTH),
    scopeSeparator: unconfirmed('The scopes page was not read; the RFC 6749 space separator is assumed.'),
    defaultScopes: unconfirmed(
      'The scopes page (https://docs.digitalocean.com/reference/api/scopes/) was not read; the legacy read-only "read" scope is requested.',
    ),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed(
      'POST https://cloud.digitalocean.com/v1/oauth/revoke wants the access token both as Bearer and in a field named token; the format sends the access token either as Bearer (no field) or in a field not named token, so none is configured.',
    ),
    tokenResponse: doc(OAUTH),
    apiBaseUrl: doc(OAUTH),
  },
};
