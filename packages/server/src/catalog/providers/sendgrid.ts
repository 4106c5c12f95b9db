import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const sendgrid: ProviderEntry = {
  slug: 'sendgrid',
  name: 'SendGrid',
  description: 'Send email and manage contacts, templates and statistics with a Twilio SendGrid API key.',
  category: 'messaging',
  docsUrl: 'https://sendgrid.com/docs/Classroom/Send/How_Emails_Are_Sent/api_keys.html',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.sendgrid.com/v3',
  apiKey: {
    fields: [apiKeyField('SendGrid API key', 'An API key (SG.…) with the permissions the integration needs.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://sendgrid.com/docs/Classroom/Send/How_Emails_Are_Sent/api_keys.html'),
    apiBaseUrl: doc('https://sendgrid.com/docs/Classroom/Send/How_Emails_Are_Sent/api_keys.html'),
  },
};
