import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const postmark: ProviderEntry = {
  slug: 'postmark',
  name: 'Postmark',
  description: 'Send transactional email and read bounces, messages and statistics of a Postmark server.',
  category: 'messaging',
  docsUrl: 'https://postmarkapp.com/developer/api/overview',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.postmarkapp.com',
  apiKey: {
    fields: [apiKeyField('Server API token', 'The API token of one Postmark server (account tokens are not used here).')],
    presentation: { type: 'header', name: 'X-Postmark-Server-Token' },
  },
  sources: {
    apiKey: doc('https://postmarkapp.com/developer/api/overview'),
    apiBaseUrl: doc('https://postmarkapp.com/developer/api/overview'),
  },
};
