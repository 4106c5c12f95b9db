import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// The Hub API lives under https://huggingface.co/api (whoami-v2 is the identity call).
export const huggingface: ProviderEntry = {
  slug: 'huggingface',
  name: 'Hugging Face',
  description: 'Access models, datasets and Spaces on the Hugging Face Hub with a user access token.',
  category: 'ai',
  docsUrl: 'https://huggingface.co/docs/hub/security-tokens',
  logo: 'huggingface',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://huggingface.co/api',
  apiKey: {
    fields: [apiKeyField('Hugging Face access token', 'A user access token (hf_…), read-only unless writes are needed.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://huggingface.co/docs/hub/security-tokens'),
    apiBaseUrl: doc('https://huggingface.co/docs/hub/oauth'),
  },
};
