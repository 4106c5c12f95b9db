import type { ProviderDefinition } from '../provider-definition.ts';

export const notion: ProviderDefinition = {
  slug: 'notion',
  name: 'Notion',
  description: 'Read and update pages and databases shared with the integration in a Notion workspace.',
  docsUrl: 'https://developers.notion.com/docs/authorization',
  authMethods: ['oauth'],
  authorizationUrl: 'https://api.notion.com/v1/oauth/authorize',
  tokenUrl: 'https://api.notion.com/v1/oauth/token',
  refreshTokenUrl: null,
  revocationUrl: 'https://api.notion.com/v1/oauth/revoke',
  revocationAuth: 'client_secret_basic',
  revocationBodyContentType: 'application/json',
  // Notion has no scopes: the user picks pages during consent.
  defaultScopes: [],
  scopeSeparator: ' ',
  pkce: false,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/json',
  authorizationParams: {
    owner: 'user',
  },
  tokenParams: {},
  issuer: null,
  configFields: [],
  // Notion now documents a refresh_token grant ("Refresh a token") that returns a new access and refresh
  // token, so tokens are not treated as non-expiring.
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: ['workspace_id', 'workspace_name', 'workspace_icon', 'bot_id', 'owner', 'duplicated_template_id'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: true,
  },
};
