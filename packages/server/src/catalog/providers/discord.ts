import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: doc('https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-urls'),
    tokenUrl: doc('https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-urls'),
    pkce: unconfirmed(
      'Not described on the OAuth2 page; kept on as before (the server metadata at https://discord.com/.well-known/oauth-authorization-server was the basis; not re-fetched today).',
    ),
    clientAuth: doc('https://discord.com/developers/docs/topics/oauth2#authorization-code-grant'),
    tokenRequestEncoding: doc('https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-urls'),
    scopeSeparator: doc('https://discord.com/developers/docs/topics/oauth2#authorization-code-grant'),
    defaultScopes: doc('https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-scopes'),
    tokenLifetime: doc('https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-response'),
    refreshToken: doc('https://discord.com/developers/docs/topics/oauth2#authorization-code-grant'),
    revocation: doc('https://discord.com/developers/docs/topics/oauth2#authorization-code-grant'),
    apiBaseUrl: doc('https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-exchange-example'),
    issuer: unconfirmed(
      'From https://discord.com/.well-known/oauth-authorization-server, which also advertises authorization_response_iss_parameter_supported; not re-fetched today.',
    ),
  },
};
