import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Self-hosted Sentry and region hosts are not modelled: sentry.io only.
export const sentry: ProviderEntry = {
  slug: 'sentry',
  name: 'Sentry',
  description: 'Read issues, events, releases and projects of a Sentry organisation with an auth token.',
  category: 'monitoring',
  docsUrl: 'https://docs.sentry.io/api/auth/',
  logo: 'sentry',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://sentry.io/api/0',
  apiKey: {
    fields: [apiKeyField('Auth token', 'An organisation or internal-integration auth token (or a user token for user endpoints).')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://docs.sentry.io/api/auth/'),
    apiBaseUrl: doc('https://docs.sentry.io/api/auth/'),
  },
};
