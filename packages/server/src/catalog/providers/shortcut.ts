import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Shortcut's own v3 schema: security scheme api_token in the Shortcut-Token header (the v4 alpha uses Bearer).
export const shortcut: ProviderEntry = {
  slug: 'shortcut',
  name: 'Shortcut',
  description: 'Access stories, epics, iterations and members of a Shortcut workspace.',
  category: 'project-management',
  docsUrl: 'https://developer.shortcut.com/api/rest/v3',
  logo: 'shortcut',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.app.shortcut.com/api/v3',
  apiKey: {
    fields: [apiKeyField('Shortcut API token', 'A workspace API token from Settings > Your Account > API Tokens.')],
    presentation: { type: 'header', name: 'Shortcut-Token' },
  },
  sources: {
    apiKey: doc('https://github.com/useshortcut/shortcut-client-js/blob/main/schema/shortcut.swagger.json'),
    apiBaseUrl: doc('https://github.com/useshortcut/shortcut-client-js/blob/main/schema/shortcut.swagger.json'),
  },
};
