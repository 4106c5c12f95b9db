import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const telnyx: ProviderEntry = {
  slug: 'telnyx',
  name: 'Telnyx',
  description: 'Send messages, control calls and manage numbers with a Telnyx API v2 key.',
  category: 'messaging',
  docsUrl: 'https://developers.telnyx.com/development/api-fundamentals/authentication',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.telnyx.com/v2',
  apiKey: {
    fields: [apiKeyField('Telnyx API key', 'An API v2 key from the Auth section of the Mission Control portal.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://developers.telnyx.com/development/api-fundamentals/authentication'),
    apiBaseUrl: doc('https://developers.telnyx.com/development/api-fundamentals/authentication'),
  },
};
