import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Live environment only: the sandbox host is not modelled.
export const paddle: ProviderEntry = {
  slug: 'paddle',
  name: 'Paddle',
  description: 'Manage products, prices, customers, subscriptions and transactions in Paddle Billing.',
  category: 'payments',
  docsUrl: 'https://developer.paddle.com/api-reference/about/authentication',
  logo: 'paddle',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.paddle.com',
  apiKey: {
    fields: [apiKeyField('Paddle API key', 'A live API key (pdl_live_apikey_…) with the permissions the integration needs.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://developer.paddle.com/api-reference/about/authentication'),
    apiBaseUrl: doc('https://developer.paddle.com/api-reference/about/authentication'),
  },
};
