import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const discord: ProviderEntry = {
  slug: 'discord',
  name: 'Discord',
  description: "Access a Discord user's identity and guilds.",
  category: 'communication',
  docsUrl: 'https://discord.com/developers/docs/topics/oauth2',
  logo: 'discord',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://discord.com/api/v10',
  oauth: {
    authorizationUrl: 'https://discord.com/oauth2/authorize',
    tokenUrl: 'https://discord.com/api/oauth2/token',
    pkce: true,
    clientAuth: 'basic',
    defaultScopes: ['identify'],
    issuer: 'https://discord.com',
    revocation: {
      url: 'https://discord.com/api/oauth2/token/revoke',
      auth: 'basic',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    issuer: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: From https://discord.com/.well-known/oauth-authorization-server, which also advertises authorization_response_iss_parameter_supported.',
    ),
  },
};
