import { apiKeyField, hostChoiceField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Private endpoints only; public capture endpoints use the project key on us.i/eu.i hosts.
export const posthog: ProviderEntry = {
  slug: 'posthog',
  name: 'PostHog',
  description: 'Query events and manage insights, feature flags and persons of a PostHog Cloud project.',
  category: 'analytics',
  docsUrl: 'https://posthog.com/docs/api/overview',
  logo: 'posthog',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://${config.host}/api',
  hosts: ['posthog.com'],
  configFields: [
    hostChoiceField('host', 'Cloud region', 'us.posthog.com for US Cloud, eu.posthog.com for EU Cloud.', ['us', 'eu'], 'posthog.com'),
  ],
  apiKey: {
    fields: [apiKeyField('Personal API key', 'A personal API key (phx_…) with the scopes the integration needs.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://posthog.com/docs/api/overview'),
    apiBaseUrl: doc('https://posthog.com/docs/api/overview'),
    hosts: doc('https://posthog.com/docs/api/overview'),
  },
};
