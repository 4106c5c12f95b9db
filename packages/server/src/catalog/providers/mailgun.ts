import { apiKeyField, hostChoiceField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Endpoints carry their own version (/v3, /v4, …), so the base stops at the host.
export const mailgun: ProviderEntry = {
  slug: 'mailgun',
  name: 'Mailgun',
  description: 'Send and receive email and manage domains in a Mailgun account, in the US or EU region.',
  category: 'messaging',
  docsUrl: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
  logo: 'mailgun',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://${config.host}',
  hosts: ['mailgun.net'],
  configFields: [
    hostChoiceField(
      'host',
      'Region',
      'api.mailgun.net for US-region domains, api.eu.mailgun.net for EU-region domains.',
      ['api', 'api.eu'],
      'mailgun.net',
    ),
  ],
  apiKey: {
    fields: [apiKeyField('Mailgun API key', 'The primary account API key, or a domain sending key.')],
    presentation: { type: 'basic', username: 'api', password: '${apiKey}' },
  },
  sources: {
    apiKey: doc('https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/'),
    apiBaseUrl: doc('https://documentation.mailgun.com/docs/mailgun/quickstart-guide/requests'),
    hosts: doc('https://documentation.mailgun.com/docs/mailgun/quickstart-guide/requests'),
  },
};
