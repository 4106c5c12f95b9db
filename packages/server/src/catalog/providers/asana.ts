import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const asana: ProviderEntry = {
  slug: 'asana',
  name: 'Asana',
  description: 'Access tasks, projects and workspaces in Asana.',
  category: 'project-management',
  docsUrl: 'https://developers.asana.com/docs/oauth',
  logo: 'asana',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://app.asana.com/api/1.0',
  oauth: {
    authorizationUrl: 'https://app.asana.com/-/oauth_authorize',
    tokenUrl: 'https://app.asana.com/-/oauth_token',
    defaultScopes: ['users:read'],
    revocation: {
      url: 'https://app.asana.com/-/oauth_revoke',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed(
      "Placeholder: checked by the engine change (issue 11). Earlier note: Third-party guides show code_challenge on Asana, but Asana's own page did not confirm it.",
    ),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
