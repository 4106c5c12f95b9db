import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Cohere's own OpenAPI description: server https://api.cohere.com (paths carry /v1 or /v2), bearer auth.
export const cohere: ProviderEntry = {
  slug: 'cohere',
  name: 'Cohere',
  description: 'Call Cohere chat, embed and rerank models with a trial or production API key.',
  category: 'ai',
  docsUrl: 'https://docs.cohere.com/reference/about',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.cohere.com',
  apiKey: {
    fields: [apiKeyField('Cohere API key', 'A trial or production key from the Cohere dashboard.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://github.com/cohere-ai/cohere-developer-experience/blob/main/cohere-openapi.yaml'),
    apiBaseUrl: doc('https://github.com/cohere-ai/cohere-developer-experience/blob/main/cohere-openapi.yaml'),
  },
};
