import { accountIdField, apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Basic with an API key SID + secret (Twilio's recommendation) or Account SID + auth token; the Account SID is in the URL.
export const twilio: ProviderEntry = {
  slug: 'twilio',
  name: 'Twilio',
  description: 'Send SMS and WhatsApp messages, place calls and manage numbers in a Twilio account.',
  category: 'messaging',
  docsUrl: 'https://www.twilio.com/docs/api/rest',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.twilio.com/2010-04-01/Accounts/${config.accountSid}',
  configFields: [
    accountIdField('accountSid', 'Account SID', 'The account (or subaccount) SID: AC followed by 32 hex digits.', '^AC[0-9a-fA-F]{32}$'),
  ],
  apiKey: {
    fields: [
      accountIdField(
        'keySid',
        'API key SID',
        'An API key SID (SK…); or the Account SID again when the secret below is the auth token.',
        '^(?:SK|AC)[0-9a-fA-F]{32}$',
      ),
      apiKeyField('API key secret', 'The secret of that API key, or the auth token.'),
    ],
    presentation: { type: 'basic', username: '${keySid}', password: '${apiKey}' },
  },
  sources: {
    apiKey: doc('https://www.twilio.com/docs/api/rest'),
    apiBaseUrl: doc('https://github.com/twilio/twilio-oai/blob/main/spec/yaml/twilio_api_v2010.yaml'),
  },
};
