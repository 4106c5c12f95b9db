import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Each Mapbox API carries its own version in the path, so the base stops at the host.
export const mapbox: ProviderEntry = {
  slug: 'mapbox',
  name: 'Mapbox',
  description: 'Geocode, route and fetch maps, styles and tilesets with a Mapbox access token.',
  category: 'developer',
  docsUrl: 'https://docs.mapbox.com/help/glossary/access-token/',
  logo: 'mapbox',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.mapbox.com',
  apiKey: {
    fields: [apiKeyField('Access token', 'A public (pk.…) or secret (sk.…) access token with the scopes the integration needs.')],
    presentation: { type: 'query', name: 'access_token' },
  },
  sources: {
    apiKey: doc('https://docs.mapbox.com/help/glossary/access-token/'),
    apiBaseUrl: doc('https://docs.mapbox.com/help/glossary/access-token/'),
  },
};
