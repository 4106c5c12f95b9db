import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const airtable: ProviderEntry = {
  slug: 'airtable',
  name: 'Airtable',
  description: 'Read and write records in Airtable bases.',
  category: 'productivity',
  docsUrl: 'https://airtable.com/developers/web/api/oauth-reference',
  logo: 'airtable',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.airtable.com/v0',
  oauth: {
    authorizationUrl: 'https://airtable.com/oauth2/v1/authorize',
    tokenUrl: 'https://airtable.com/oauth2/v1/token',
    pkce: true,
    clientAuth: 'basic',
    defaultScopes: ['user.email:read'],
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Required by Airtable.'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
