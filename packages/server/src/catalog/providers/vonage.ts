import { accountIdField, apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Newer Vonage APIs take Basic base64(key:secret); older ones (SMS, Number Insight) want the pair in the body or query.
export const vonage: ProviderEntry = {
  slug: 'vonage',
  name: 'Vonage',
  description: 'Send SMS and chat-app messages and verify users through the Vonage communication APIs.',
  category: 'messaging',
  docsUrl: 'https://developer.vonage.com/en/getting-started/concepts/authentication',
  logo: 'vonage',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.nexmo.com',
  apiKey: {
    fields: [
      accountIdField('apiKeyId', 'API key', 'The public API key shown in the Vonage dashboard.', '^[A-Za-z0-9]{6,32}$'),
      apiKeyField('API secret', 'The API secret paired with the API key.'),
    ],
    presentation: { type: 'basic', username: '${apiKeyId}', password: '${apiKey}' },
  },
  sources: {
    apiKey: doc('https://developer.vonage.com/en/getting-started/concepts/authentication'),
    apiBaseUrl: doc('https://developer.vonage.com/messages/overview'),
  },
};
