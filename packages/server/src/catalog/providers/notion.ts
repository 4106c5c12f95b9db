import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const notion: ProviderEntry = {
  slug: 'notion',
  name: 'Notion',
  description: 'Read and update pages and databases shared with the integration in a Notion workspace.',
  category: 'docs-design',
  docsUrl: 'https://developers.notion.com/docs/authorization',
  logo: 'notion',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.notion.com/v1',
  oauth: {
    authorizationUrl: 'https://api.notion.com/v1/oauth/authorize',
    tokenUrl: 'https://api.notion.com/v1/oauth/token',
    clientAuth: 'basic',
    tokenRequestEncoding: 'json',
    authorizationParams: {
      owner: 'user',
    },
    refreshTokenRotates: true,
    metadataFields: ['workspace_id', 'workspace_name', 'workspace_icon', 'bot_id', 'owner', 'duplicated_template_id'],
    revocation: {
      url: 'https://api.notion.com/v1/oauth/revoke',
      auth: 'basic',
      encoding: 'json',
    },
  },
  sources: {
    authorizationUrl: unconfirmed(
      "https://api.notion.com/v1/oauth/authorize with owner=user per Notion's authorization guide (https://developers.notion.com/docs/authorization); not in the copies checked today.",
    ),
    tokenUrl: doc('https://developers.notion.com/reference/create-a-token'),
    pkce: unconfirmed("Notion's authorization guide and token reference show no code_challenge; PKCE off (conservative)."),
    clientAuth: doc('https://developers.notion.com/reference/create-a-token'),
    tokenRequestEncoding: doc('https://developers.notion.com/reference/create-a-token'),
    scopeSeparator: unconfirmed(
      'Space, the RFC 6749 default; Notion has no scopes (the user picks pages during consent), so the separator is not used.',
    ),
    defaultScopes: unconfirmed(
      'None: Notion has no scopes, the user picks pages during consent (https://developers.notion.com/docs/authorization); not in the copies checked today.',
    ),
    tokenLifetime: unconfirmed(
      'The token reference shows no expires_in; with a refresh token now issued (https://developers.notion.com/reference/refresh-a-token) tokens are not treated as non-expiring.',
    ),
    refreshToken: doc('https://developers.notion.com/reference/refresh-a-token'),
    revocation: doc('https://developers.notion.com/reference/revoke-token'),
    apiBaseUrl: unconfirmed(
      "https://api.notion.com/v1, the base of every endpoint in Notion's API reference (the token and revoke pages checked today are under it).",
    ),
    tokenResponse: doc('https://developers.notion.com/reference/create-a-token'),
  },
};
