import { accountIdField, apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Resource paths start with /Account/{auth_id}/; the Auth ID is a key field (the Basic user name), which URL templates cannot name.
export const plivo: ProviderEntry = {
  slug: 'plivo',
  name: 'Plivo',
  description: 'Send SMS and voice messages and manage numbers in a Plivo account.',
  category: 'messaging',
  docsUrl: 'https://www.plivo.com/docs/account/api/overview',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.plivo.com/v1',
  apiKey: {
    fields: [
      accountIdField('authId', 'Auth ID', 'The account (or subaccount) Auth ID from the Plivo console.', '^[A-Za-z0-9]{10,40}$'),
      apiKeyField('Auth token', 'The auth token paired with the Auth ID.'),
    ],
    presentation: { type: 'basic', username: '${authId}', password: '${apiKey}' },
  },
  sources: {
    apiKey: doc('https://www.plivo.com/docs/account/api/overview'),
    apiBaseUrl: doc('https://www.plivo.com/docs/account/api/overview'),
  },
};
