import type { ProviderDefinition } from '../provider-definition.ts';

export const discord: ProviderDefinition = {
  slug: 'discord',
  name: 'Discord',
  description: "Access a Discord user's identity and guilds.",
  docsUrl: 'https://discord.com/developers/docs/topics/oauth2',
  authMethods: ['oauth'],
  authorizationUrl: 'https://discord.com/oauth2/authorize',
  tokenUrl: 'https://discord.com/api/oauth2/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://discord.com/api/oauth2/token/revoke',
  revocationAuth: 'client_secret_basic',
  defaultScopes: ['identify'],
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  // From https://discord.com/.well-known/oauth-authorization-server, which also advertises
  // authorization_response_iss_parameter_supported.
  issuer: 'https://discord.com',
  configFields: [],
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: [],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
