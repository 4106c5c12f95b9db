import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: doc('https://airtable.com/developers/web/api/oauth-reference#authorization-request'),
    tokenUrl: doc('https://github.com/Airtable/oauth-example'),
    pkce: doc('https://airtable.com/developers/web/api/oauth-reference#authorization-request-query'),
    clientAuth: doc('https://github.com/Airtable/oauth-example'),
    tokenRequestEncoding: doc('https://github.com/Airtable/oauth-example'),
    scopeSeparator: doc('https://airtable.com/developers/web/api/oauth-reference#authorization-request-query'),
    defaultScopes: doc('https://airtable.com/developers/web/api/scopes'),
    tokenLifetime: unconfirmed(
      'The token response carries expires_in (section https://airtable.com/developers/web/api/oauth-reference#token-expiry-refresh-tokens); the section text was not in the copy checked today.',
    ),
    refreshToken: unconfirmed(
      'Each refresh returns a new refresh token and invalidates the old one (kept from before; section https://airtable.com/developers/web/api/oauth-reference#token-expiry-refresh-tokens, not in the copy checked today).',
    ),
    revocation: unconfirmed(
      'The OAuth reference documents no token revocation endpoint; none is used, so a disconnect only erases the stored tokens.',
    ),
    apiBaseUrl: unconfirmed(
      "https://api.airtable.com/v0, the base of Airtable's Web API reference; the introduction page was not re-read today.",
    ),
  },
};
