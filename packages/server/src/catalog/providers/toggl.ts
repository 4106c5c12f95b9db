import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Basic with the token as user name and the literal "api_token" as password.
export const toggl: ProviderEntry = {
  slug: 'toggl',
  name: 'Toggl Track',
  description: 'Read and log time entries and manage projects, clients and tags in Toggl Track.',
  category: 'productivity',
  docsUrl: 'https://engineering.toggl.space/docs/authentication/index.html',
  logo: 'toggltrack',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.track.toggl.com/api/v9',
  apiKey: {
    fields: [apiKeyField('Toggl API token', 'The personal API token from the Toggl Track profile settings.')],
    presentation: { type: 'basic', username: '${apiKey}', password: 'api_token' },
  },
  sources: {
    apiKey: doc('https://engineering.toggl.space/docs/authentication/index.html'),
    apiBaseUrl: doc('https://engineering.toggl.space/docs/authentication/index.html'),
  },
};
