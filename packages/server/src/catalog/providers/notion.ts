import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Notion has no scopes: the user picks pages during consent.',
    ),
    tokenLifetime: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Notion now documents a refresh_token grant ("Refresh a token") that returns a new access and refresh token, so tokens are not treated as non-expiring.',
    ),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenResponse: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
