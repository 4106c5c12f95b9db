import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const together: ProviderEntry = {
  slug: 'together',
  name: 'Together AI',
  description: 'Run open models for inference and fine-tuning on Together AI with a project API key.',
  category: 'ai',
  docsUrl: 'https://docs.together.ai/docs/api-keys-authentication',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.together.ai/v1',
  apiKey: {
    fields: [apiKeyField('Together API key', 'A project API key from the Together AI settings.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://docs.together.ai/docs/api-keys-authentication'),
    apiBaseUrl: doc('https://docs.together.ai/docs/api-keys-authentication'),
  },
};
