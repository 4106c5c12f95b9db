import { apiKeyField, hostChoiceField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const newrelic: ProviderEntry = {
  slug: 'newrelic',
  name: 'New Relic',
  description: 'Query telemetry with NRQL and manage entities, alerts and dashboards through NerdGraph.',
  category: 'monitoring',
  docsUrl: 'https://docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph',
  logo: 'newrelic',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://${config.host}/graphql',
  hosts: ['newrelic.com'],
  configFields: [
    hostChoiceField(
      'host',
      'Data centre',
      'api.newrelic.com for US accounts, api.eu.newrelic.com for EU accounts.',
      ['api', 'api.eu'],
      'newrelic.com',
    ),
  ],
  apiKey: {
    fields: [apiKeyField('User API key', 'A user key (NRAK-…); NerdGraph does not accept license keys.')],
    presentation: { type: 'header', name: 'API-Key' },
  },
  sources: {
    apiKey: doc('https://newrelic.com/info/nerdgraph-graphql-api-introduction'),
    apiBaseUrl: doc('https://docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph'),
    hosts: doc('https://docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph'),
  },
};
