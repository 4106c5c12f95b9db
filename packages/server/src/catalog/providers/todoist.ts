import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const todoist: ProviderEntry = {
  slug: 'todoist',
  name: 'Todoist',
  description: 'Access tasks and projects in Todoist.',
  category: 'productivity',
  docsUrl: 'https://developer.todoist.com/guides/#oauth',
  logo: 'todoist',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.todoist.com',
  oauth: {
    authorizationUrl: 'https://todoist.com/oauth/authorize',
    tokenUrl: 'https://todoist.com/oauth/access_token',
    scopeSeparator: ',',
    defaultScopes: ['data:read'],
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed(
      "Placeholder: checked by the engine change (issue 11). Earlier note: Todoist's revoke endpoint takes client_id, client_secret and access_token as its own JSON fields, not RFC 7009 ones.",
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
