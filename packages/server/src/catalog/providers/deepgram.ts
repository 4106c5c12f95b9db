import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Deepgram's own OpenAPI description: API keys go as `Authorization: Token <key>` (Bearer is for JWTs).
export const deepgram: ProviderEntry = {
  slug: 'deepgram',
  name: 'Deepgram',
  description: 'Transcribe and analyse audio and generate speech with a Deepgram API key.',
  category: 'ai',
  docsUrl: 'https://developers.deepgram.com/',
  logo: 'deepgram',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.deepgram.com/v1',
  apiKey: {
    fields: [apiKeyField('Deepgram API key', 'An API key from the Deepgram console.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Token' },
  },
  sources: {
    apiKey: doc('https://github.com/deepgram/deepgram-api-specs/blob/main/openapi.yml'),
    apiBaseUrl: doc('https://github.com/deepgram/deepgram-api-specs/blob/main/openapi.yml'),
  },
};
