import { doc, type ProviderEntry } from '../provider-definition.ts';

const REQUESTS = 'https://developer.copper.com/introduction/requests.html';

/**
 * API key only: Copper's OAuth flow returns the authorization code to the redirect URI as a POST
 * request body (https://developer.copper.com/introduction/oauth/flow.html), which the callback route
 * (a GET) cannot receive.
 */
export const copper: ProviderEntry = {
  slug: 'copper',
  name: 'Copper',
  description: 'Read and update people, companies, opportunities and tasks in a Copper CRM account.',
  category: 'crm',
  docsUrl: 'https://developer.copper.com/introduction/authentication.html',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.copper.com/developer_api/v1',
  apiKey: {
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        description: 'A key generated under System settings > API Keys in Copper.',
        scope: 'installation',
        pattern: '^[A-Za-z0-9_-]{8,200}$',
        required: true,
        secret: true,
      },
      {
        name: 'email',
        label: 'Key owner email',
        description: 'The email address of the Copper user who generated the key.',
        scope: 'installation',
        pattern: '^[^\\s@]{1,64}@[^\\s@]{1,255}$',
        required: true,
        secret: false,
      },
    ],
    presentation: { type: 'header', name: 'X-PW-AccessToken', value: '${apiKey}' },
    extraHeaders: { 'X-PW-Application': 'developer_api', 'X-PW-UserEmail': '${email}' },
  },
  sources: {
    apiKey: doc(REQUESTS),
    apiBaseUrl: doc(REQUESTS),
  },
};
