import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const brevo: ProviderEntry = {
  slug: 'brevo',
  name: 'Brevo',
  description: 'Send transactional email and SMS and manage contacts and campaigns in Brevo.',
  category: 'messaging',
  docsUrl: 'https://developers.brevo.com/docs/api-key-authentication',
  logo: 'brevo',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.brevo.com/v3',
  apiKey: {
    fields: [apiKeyField('Brevo API key', 'An API key (xkeysib-…) from the SMTP & API settings.')],
    presentation: { type: 'header', name: 'api-key' },
  },
  sources: {
    apiKey: doc('https://developers.brevo.com/docs/api-key-authentication'),
    apiBaseUrl: doc('https://developers.brevo.com/docs/api-key-authentication'),
  },
};
