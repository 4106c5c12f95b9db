import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const hubspot: ProviderEntry = {
  slug: 'hubspot',
  name: 'HubSpot',
  description: 'Access CRM contacts, companies and deals in a HubSpot account.',
  category: 'crm',
  docsUrl: 'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide',
  logo: 'hubspot',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.hubapi.com',
  oauth: {
    authorizationUrl: 'https://app.hubspot.com/oauth/authorize',
    tokenUrl: 'https://api.hubapi.com/oauth/2026-03/token',
    pkce: true,
    defaultScopes: ['oauth'],
    revocation: {
      url: 'https://api.hubapi.com/oauth/2026-03/token/revoke',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Date-versioned OAuth API; the /oauth/v1 endpoints are sunset on 2027-02-16.',
    ),
    pkce: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: The 2026-03 token endpoint accepts code_verifier.',
    ),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Assumed to take client credentials in the body like the token endpoint; not confirmed.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
