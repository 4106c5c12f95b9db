import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const pipedrive: ProviderEntry = {
  slug: 'pipedrive',
  name: 'Pipedrive',
  description: 'Access deals, people and organizations in Pipedrive.',
  category: 'crm',
  docsUrl: 'https://developers.pipedrive.com/docs/api/v1/Oauth',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.pipedrive.com/v1',
  oauth: {
    authorizationUrl: 'https://oauth.pipedrive.com/oauth/authorize',
    tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
    clientAuth: 'basic',
    metadataFields: ['api_domain'],
    revocation: {
      url: 'https://oauth.pipedrive.com/oauth/revoke',
      auth: 'basic',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Pipedrive grants the scopes configured on the app.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenResponse: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
