import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const miro: ProviderEntry = {
  slug: 'miro',
  name: 'Miro',
  description: 'Access boards and their content in Miro.',
  category: 'docs-design',
  docsUrl: 'https://developers.miro.com/docs/getting-started-with-oauth',
  logo: 'miro',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.miro.com/v2',
  oauth: {
    authorizationUrl: 'https://miro.com/oauth/authorize',
    tokenUrl: 'https://api.miro.com/v1/oauth/token',
    defaultScopes: ['boards:read'],
    refreshTokenRotates: true,
    metadataFields: ['team_id', 'user_id'],
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Expiring tokens only for apps created with "expire user authorization token" on; otherwise tokens never expire.',
    ),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: POST https://api.miro.com/v2/oauth/revoke takes access_token/clientId/clientSecret body fields, not RFC 7009 ones.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenResponse: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
