import { accountIdField, apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// The application ID is both the first label of the host and a header; URL templates and key templates cannot name the same field, so it is asked for twice.
export const algolia: ProviderEntry = {
  slug: 'algolia',
  name: 'Algolia',
  description: 'Search and manage the indices of an Algolia application.',
  category: 'developer',
  docsUrl: 'https://www.algolia.com/doc/rest-api/search/',
  logo: 'algolia',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://${config.appId}.algolia.net',
  hosts: ['algolia.net'],
  configFields: [
    accountIdField(
      'appId',
      'Application ID',
      'The Algolia application ID, e.g. ABC123XYZ0: the first label of the API host.',
      '^[A-Za-z0-9]{1,32}$',
    ),
  ],
  apiKey: {
    fields: [
      accountIdField(
        'applicationId',
        'Application ID (header)',
        'The same application ID, sent in X-Algolia-Application-Id.',
        '^[A-Za-z0-9]{1,32}$',
      ),
      apiKeyField('API key', 'An API key of the application with the ACLs the integration needs.'),
    ],
    presentation: { type: 'header', name: 'X-Algolia-API-Key' },
    extraHeaders: { 'X-Algolia-Application-Id': '${applicationId}' },
  },
  sources: {
    apiKey: doc('https://github.com/algolia/api-clients-automation/blob/main/specs/common/securitySchemes.yml'),
    apiBaseUrl: doc('https://github.com/algolia/api-clients-automation/blob/main/specs/search/spec.yml'),
    hosts: doc('https://github.com/algolia/api-clients-automation/blob/main/specs/search/spec.yml'),
  },
};
