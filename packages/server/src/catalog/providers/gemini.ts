import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// The API also accepts ?key=; the header keeps the key out of URLs and logs.
export const gemini: ProviderEntry = {
  slug: 'gemini',
  name: 'Google Gemini',
  description: 'Call Gemini models through the Gemini Developer API with a Google AI Studio key.',
  category: 'ai',
  docsUrl: 'https://ai.google.dev/api',
  logo: 'googlegemini',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  apiKey: {
    fields: [apiKeyField('Gemini API key', 'A key created in Google AI Studio.')],
    presentation: { type: 'header', name: 'x-goog-api-key' },
  },
  sources: {
    apiKey: doc('https://ai.google.dev/api'),
    apiBaseUrl: doc('https://ai.google.dev/api'),
  },
};
