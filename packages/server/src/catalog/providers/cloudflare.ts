import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const cloudflare: ProviderEntry = {
  slug: 'cloudflare',
  name: 'Cloudflare',
  description: 'Manage zones, DNS records, Workers and other resources of a Cloudflare account.',
  category: 'cloud',
  docsUrl: 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
  logo: 'cloudflare',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.cloudflare.com/client/v4',
  apiKey: {
    fields: [apiKeyField('API token', 'A scoped API token (not the legacy Global API Key).')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://developers.cloudflare.com/api/resources/accounts/subresources/tokens/methods/verify'),
    apiBaseUrl: doc('https://developers.cloudflare.com/api/resources/accounts/subresources/tokens/methods/verify'),
  },
};
