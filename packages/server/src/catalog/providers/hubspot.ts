import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: doc('https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide'),
    tokenUrl: doc('https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide'),
    pkce: unconfirmed(
      "HubSpot's token reference lists code_verifier (v1 reference page); the 2026-03 endpoint is assumed to accept it too. Earlier note: the 2026-03 token endpoint accepts code_verifier.",
    ),
    clientAuth: doc('https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide'),
    tokenRequestEncoding: doc('https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide'),
    scopeSeparator: unconfirmed("Space, as HubSpot's install URLs encode scopes; not stated in a sentence on the pages checked today."),
    defaultScopes: unconfirmed("oauth: the scope every HubSpot app must request; not re-read on HubSpot's scope list today."),
    tokenLifetime: doc('https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide'),
    refreshToken: doc('https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide'),
    revocation: unconfirmed(
      'POST https://api.hubapi.com/oauth/2026-03/token/revoke, assumed to take client credentials in the body like the token endpoint; not confirmed.',
    ),
    apiBaseUrl: unconfirmed(
      "https://api.hubapi.com, the host of the token endpoint and of every API in HubSpot's reference; not stated in a sentence on the pages checked today.",
    ),
  },
};
