import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const mistral: ProviderEntry = {
  slug: 'mistral',
  name: 'Mistral AI',
  description: 'Call Mistral models (chat, embeddings, OCR, agents) with a workspace API key.',
  category: 'ai',
  docsUrl: 'https://docs.mistral.ai/admin/security-access/api-keys',
  logo: 'mistralai',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.mistral.ai/v1',
  apiKey: {
    fields: [apiKeyField('Mistral API key', 'A workspace API key from Mistral Studio.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://github.com/mistralai/platform-docs-public/blob/main/public/admin/security-access/api-keys.md'),
    apiBaseUrl: doc('https://github.com/mistralai/platform-docs-public/blob/main/public/admin/security-access/api-keys.md'),
  },
};
