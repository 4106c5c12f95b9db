import { apiKeyField } from '../api-key-fields.ts';
import type { ProviderEntry } from '../provider-definition.ts';
import { doc } from '../provider-sources.ts';

// Enterprise data-residency hosts (api.eu.residency / api.in.residency) are not modelled.
export const elevenlabs: ProviderEntry = {
  slug: 'elevenlabs',
  name: 'ElevenLabs',
  description: 'Generate speech, transcribe audio and manage voices with an ElevenLabs API key.',
  category: 'ai',
  docsUrl: 'https://elevenlabs.io/docs/api-reference/authentication',
  logo: 'elevenlabs',
  authMethods: ['api_key'],
  apiBaseUrl: 'https://api.elevenlabs.io/v1',
  apiKey: {
    fields: [apiKeyField('ElevenLabs API key', 'An API key from the ElevenLabs profile settings; it can be scope- and credit-restricted.')],
    presentation: { type: 'header', name: 'xi-api-key' },
  },
  sources: {
    apiKey: doc('https://github.com/elevenlabs/elevenlabs-docs/blob/main/fern/api-reference/pages/authentication.mdx'),
    apiBaseUrl: doc('https://github.com/elevenlabs/elevenlabs-docs/blob/main/fern/api-reference/pages/authentication.mdx'),
  },
};
