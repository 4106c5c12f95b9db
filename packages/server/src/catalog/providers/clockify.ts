import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc, unconfirmed } from '../provider-sources.ts';

export const clockify: ProviderEntry = {
  slug: 'clockify',
  name: 'Clockify',
  description: 'Read and log time entries and manage projects, clients and users in Clockify workspaces.',
  category: 'productivity',
  docsUrl: 'https://docs.clockify.me/',
  logo: 'clockify',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.clockify.me/api/v1',
  apiKey: {
    fields: [apiKeyField('Clockify API key', 'An API key from the profile settings (workspaces on a subdomain need their own key).')],
    presentation: { type: 'header', name: 'X-Api-Key' },
  },
  sources: {
    apiKey: doc('https://docs.clockify.me/openapi.json'),
    apiBaseUrl: unconfirmed(
      'Global host https://api.clockify.me/api/v1: the official reference names regional hosts too, but its server list was not readable here; regional workspaces are not modelled.',
    ),
  },
};
