import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

export const resend: ProviderEntry = {
  slug: 'resend',
  name: 'Resend',
  description: 'Send email and manage domains, audiences and broadcasts with a Resend API key.',
  category: 'messaging',
  docsUrl: 'https://resend.com/docs/api-reference/introduction',
  logo: 'resend',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.resend.com',
  apiKey: {
    fields: [apiKeyField('Resend API key', 'An API key (re_…) from the Resend dashboard.')],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    apiKey: doc('https://github.com/resend/resend-openapi/blob/main/resend.yaml'),
    apiBaseUrl: doc('https://github.com/resend/resend-openapi/blob/main/resend.yaml'),
  },
};
