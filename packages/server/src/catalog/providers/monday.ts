import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const monday: ProviderEntry = {
  slug: 'monday',
  name: 'monday.com',
  description: 'Access boards and items in a monday.com account.',
  category: 'project-management',
  docsUrl: 'https://developer.monday.com/apps/docs/oauth',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.monday.com/v2',
  oauth: {
    authorizationUrl: 'https://auth.monday.com/oauth2/authorize',
    tokenUrl: 'https://auth.monday.com/oauth2/token',
    defaultScopes: ['me:read'],
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed(
      "Placeholder: checked by the engine change (issue 11). Earlier note: Only in monday's opt-in OAuth 2.1 flow (with refresh tokens); this entry uses the classic non-expiring flow.",
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
