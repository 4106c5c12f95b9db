import { apiKeyField, hostChoiceField, secretField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Writes need only the API key; reads also need the application key. The EU (datadoghq.eu) and government (ddog-gov.com) sites are not offered: a whole-host field may pin only one host suffix.
export const datadog: ProviderEntry = {
  slug: 'datadog',
  name: 'Datadog',
  description: 'Query metrics, monitors, dashboards and events in a Datadog organisation on any Datadog site.',
  category: 'monitoring',
  docsUrl: 'https://docs.datadoghq.com/api/latest/authentication/',
  logo: 'datadog',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://${config.host}',
  hosts: ['datadoghq.com'],
  configFields: [
    hostChoiceField(
      'host',
      'Datadog site API host',
      "The API host of the organisation's site: api.datadoghq.com (US1), api.us3.datadoghq.com, api.us5.datadoghq.com, api.ap1.datadoghq.com or api.ap2.datadoghq.com.",
      ['api', 'api.us3', 'api.us5', 'api.ap1', 'api.ap2'],
      'datadoghq.com',
    ),
  ],
  apiKey: {
    fields: [
      apiKeyField('API key', 'An organisation API key (DD-API-KEY).'),
      secretField(
        'applicationKey',
        'Application key',
        'An application key (DD-APPLICATION-KEY); reads need it, scoped keys limit what it can do.',
      ),
    ],
    presentation: { type: 'header', name: 'DD-API-KEY' },
    extraHeaders: { 'DD-APPLICATION-KEY': '${applicationKey}' },
  },
  sources: {
    apiKey: doc('https://docs.datadoghq.com/api/latest/authentication/'),
    apiBaseUrl: doc('https://docs.datadoghq.com/api/latest/authentication/'),
    hosts: doc('https://docs.datadoghq.com/api/latest/authentication/'),
  },
};
