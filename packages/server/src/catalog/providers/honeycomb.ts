import { apiKeyField, hostChoiceField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Paths carry their version (/1/…, /2/…), so the base stops at the host.
export const honeycomb: ProviderEntry = {
  slug: 'honeycomb',
  name: 'Honeycomb',
  description: 'Manage datasets, queries, boards, triggers and SLOs of a Honeycomb environment.',
  category: 'monitoring',
  docsUrl: 'https://docs.honeycomb.io/api/authentication',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://${config.host}',
  hosts: ['honeycomb.io'],
  configFields: [
    hostChoiceField(
      'host',
      'Region',
      'api.honeycomb.io for US teams, api.eu1.honeycomb.io for EU teams.',
      ['api', 'api.eu1'],
      'honeycomb.io',
    ),
  ],
  apiKey: {
    fields: [apiKeyField('Configuration key', 'An environment configuration key (management keys use a different scheme).')],
    presentation: { type: 'header', name: 'X-Honeycomb-Team' },
  },
  sources: {
    apiKey: doc('https://docs.honeycomb.io/api/authentication'),
    apiBaseUrl: doc('https://docs.honeycomb.io/api/introduction'),
    hosts: doc('https://docs.honeycomb.io/api/introduction'),
  },
};
