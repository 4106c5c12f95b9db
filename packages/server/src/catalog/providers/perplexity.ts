import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// perplexity.mintlify.app is the host behind Perplexity's docs.perplexity.ai reference.
export const perplexity: ProviderEntry = {
  slug: 'perplexity',
  name: 'Perplexity',
  description: 'Get web-grounded answers with citations from the Perplexity Sonar API.',
  category: 'ai',
  docsUrl: 'https://docs.perplexity.ai/api-reference',
  logo: 'perplexity',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.perplexity.ai',
  apiKey: {
    fields: [apiKeyField('Perplexity API key', 'An API key from the Perplexity API settings (pplx-…).')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://perplexity.mintlify.app/api-reference'),
    apiBaseUrl: doc('https://perplexity.mintlify.app/api-reference'),
  },
};
