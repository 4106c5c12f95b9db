import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const clickup: ProviderEntry = {
  slug: 'clickup',
  name: 'ClickUp',
  description: 'Access tasks, lists and spaces in ClickUp workspaces.',
  category: 'project-management',
  docsUrl: 'https://developer.clickup.com/docs/authentication',
  logo: 'clickup',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.clickup.com/api/v2',
  oauth: {
    authorizationUrl: 'https://app.clickup.com/api',
    tokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed(
      "Placeholder: checked by the engine change (issue 11). Earlier note: ClickUp's examples pass client_id, client_secret and code as query parameters; a form body is assumed to work.",
    ),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: ClickUp has no scopes; the user picks workspaces during consent.',
    ),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
