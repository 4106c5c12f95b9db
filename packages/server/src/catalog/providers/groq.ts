import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const groq: ProviderEntry = {
  slug: 'groq',
  name: 'Groq',
  description: "Call models hosted on Groq's inference platform through its OpenAI-compatible API.",
  category: 'ai',
  docsUrl: 'https://console.groq.com/docs/api-reference',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.groq.com/openai/v1',
  apiKey: {
    fields: [apiKeyField('Groq API key', 'A key created in the GroqCloud console.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://console.groq.com/docs/api-reference'),
    apiBaseUrl: doc('https://console.groq.com/docs/api-reference'),
  },
};
