import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const lemonsqueezy: ProviderEntry = {
  slug: 'lemonsqueezy',
  name: 'Lemon Squeezy',
  description: 'Read stores, products, orders, subscriptions and license keys in Lemon Squeezy.',
  category: 'payments',
  docsUrl: 'https://docs.lemonsqueezy.com/api/getting-started/requests',
  logo: 'lemonsqueezy',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.lemonsqueezy.com/v1',
  apiKey: {
    fields: [apiKeyField('Lemon Squeezy API key', 'A live-mode or test-mode API key (keys are valid for a year).')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
    extraHeaders: { Accept: 'application/vnd.api+json', 'Content-Type': 'application/vnd.api+json' },
  },
  sources: {
    apiKey: doc('https://docs.lemonsqueezy.com/api/getting-started/requests'),
    apiBaseUrl: doc('https://docs.lemonsqueezy.com/guides/developer-guide/getting-started'),
  },
};
