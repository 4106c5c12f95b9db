import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// The anthropic-version header is required on every request (https://docs.anthropic.com/en/api/versioning).
export const anthropic: ProviderEntry = {
  slug: 'anthropic',
  name: 'Anthropic',
  description: 'Call Claude models through the Anthropic Messages API with a Console API key.',
  category: 'ai',
  docsUrl: 'https://docs.anthropic.com/claude/reference/getting-started-with-the-api',
  logo: 'anthropic',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.anthropic.com/v1',
  apiKey: {
    fields: [apiKeyField('Anthropic API key', 'A secret key created in the Anthropic Console.')],
    presentation: { type: 'header', name: 'x-api-key' },
    extraHeaders: { 'anthropic-version': '2023-06-01' },
  },
  sources: {
    apiKey: doc('https://docs.anthropic.com/claude/reference/getting-started-with-the-api'),
    apiBaseUrl: doc('https://docs.anthropic.com/claude/reference/getting-started-with-the-api'),
  },
};
