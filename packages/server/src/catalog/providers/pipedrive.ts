import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: doc('https://developers.pipedrive.com/docs/api/v1/Oauth'),
    tokenUrl: doc('https://developers.pipedrive.com/docs/api/v1/Oauth'),
    pkce: unconfirmed("Pipedrive's OAuth reference lists no code_challenge; PKCE off (conservative)."),
    clientAuth: doc('https://developers.pipedrive.com/docs/api/v1/Oauth'),
    tokenRequestEncoding: doc('https://developers.pipedrive.com/docs/api/v1/Oauth'),
    scopeSeparator: unconfirmed(
      'Space, the RFC 6749 default; no scopes are requested (Pipedrive grants the scopes set on the app), so the separator is not used.',
    ),
    defaultScopes: doc('https://pipedrive.readme.io/docs/marketplace-oauth-authorization'),
    tokenLifetime: doc('https://developers.pipedrive.com/docs/api/v1/Oauth'),
    refreshToken: doc('https://developers.pipedrive.com/docs/api/v1/Oauth'),
    revocation: unconfirmed(
      "POST https://oauth.pipedrive.com/oauth/revoke with Basic client authentication and token in a form body, per Pipedrive's OAuth reference; that section was not in the copy checked today.",
    ),
    apiBaseUrl: unconfirmed(
      'https://api.pipedrive.com/v1 is the base the v1 reference lists; per-company calls may use the api_domain of the token response instead. Not re-read today.',
    ),
    tokenResponse: unconfirmed(
      "api_domain (the company's API host) is kept as metadata, as Pipedrive's token response documents; that part was not in the copy checked today.",
    ),
  },
};
