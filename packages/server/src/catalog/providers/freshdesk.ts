import { accountIdField, apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc, unconfirmed } from '../provider-sources.ts';

export const freshdesk: ProviderEntry = {
  slug: 'freshdesk',
  name: 'Freshdesk',
  description: 'Access tickets, contacts and companies in a Freshdesk helpdesk.',
  category: 'support',
  docsUrl: 'https://developers.freshdesk.com/api/#authentication',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://${config.domain}.freshdesk.com/api/v2',
  hosts: ['freshdesk.com'],
  configFields: [
    accountIdField(
      'domain',
      'Freshdesk domain',
      'The helpdesk subdomain: "acme" for acme.freshdesk.com.',
      '^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$',
    ),
  ],
  apiKey: {
    fields: [apiKeyField('Freshdesk API key', "The agent's personal API key from the profile settings.")],
    presentation: { type: 'basic', username: '${apiKey}', password: 'X' },
  },
  sources: {
    apiKey: unconfirmed(
      'Basic with the API key as user name and the placeholder password "X". The v2 reference page was not readable here; Freshdesk\'s own v1 reference (https://developer.freshdesk.com/api/v1) and SDK (https://developers.freshworks.com/freshdesk-sdk) document Basic auth with the key.',
    ),
    apiBaseUrl: unconfirmed(
      'https://<domain>.freshdesk.com/api/v2: the v1 reference (https://developer.freshdesk.com/api/v1) maps every endpoint to the account domain; the /api/v2 prefix of the current version is from the v2 reference, not readable here.',
    ),
    hosts: doc('https://developer.freshdesk.com/api/v1'),
  },
};
