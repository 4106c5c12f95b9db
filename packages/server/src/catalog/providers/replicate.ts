import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Replicate moved from the "Token" scheme to standard Bearer in 2024 (both still accepted).
export const replicate: ProviderEntry = {
  slug: 'replicate',
  name: 'Replicate',
  description: 'Run and manage machine-learning models on Replicate with an account API token.',
  category: 'ai',
  docsUrl: 'https://replicate.com/docs/reference/http',
  logo: 'replicate',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.replicate.com/v1',
  apiKey: {
    fields: [apiKeyField('Replicate API token', 'An API token from the Replicate account settings (r8_…).')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://replicate.com/changelog/2024-04-03-bearer-tokens'),
    apiBaseUrl: doc('https://replicate.com/changelog/2024-04-03-bearer-tokens'),
  },
};
