import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// The control plane; data-plane calls go to each index host.
export const pinecone: ProviderEntry = {
  slug: 'pinecone',
  name: 'Pinecone',
  description: 'Create and manage indexes and collections in a Pinecone project.',
  category: 'developer',
  docsUrl: 'https://docs.pinecone.io/reference/api/introduction',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.pinecone.io',
  apiKey: {
    fields: [apiKeyField('Pinecone API key', 'An API key of the project that holds the indexes.')],
    presentation: { type: 'header', name: 'Api-Key' },
  },
  sources: {
    apiKey: doc('https://docs.pinecone.io/reference/api/introduction'),
    apiBaseUrl: doc('https://docs.pinecone.io/reference/api/introduction'),
  },
};
