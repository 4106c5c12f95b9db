import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// OpenAI's own OpenAPI description: server https://api.openai.com/v1, security scheme HTTP bearer.
export const openai: ProviderEntry = {
  slug: 'openai',
  name: 'OpenAI',
  description: 'Call OpenAI models (responses, chat, embeddings, images, audio) with a project or service-account API key.',
  category: 'ai',
  docsUrl: 'https://platform.openai.com/docs/api-reference/authentication',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.openai.com/v1',
  apiKey: {
    fields: [apiKeyField('OpenAI API key', 'A project or service-account secret key from the OpenAI dashboard.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://github.com/openai/openai-openapi/blob/main/openapi.yaml'),
    apiBaseUrl: doc('https://github.com/openai/openai-openapi/blob/main/openapi.yaml'),
  },
};
