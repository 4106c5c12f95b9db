import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developers.webflow.com/data/reference/oauth-app';
const SITE_TOKEN = 'https://developers.webflow.com/data/reference/site-token';

export const webflow: ProviderEntry = {
  slug: 'webflow',
  name: 'Webflow',
  description: 'Manage sites, pages, CMS collections and items, and form submissions in Webflow.',
  category: 'docs-design',
  docsUrl: OAUTH,
  logo: 'webflow',
  authMethods: ['oauth', 'api_key'],
  apiBaseUrl: 'https://api.webflow.com/v2',
  oauth: {
    authorizationUrl: 'https://webflow.com/oauth/authorize',
    tokenUrl: 'https://api.webflow.com/oauth/access_token',
    // Requested scopes must be equal to or a subset of those configured on the app.
    defaultScopes: ['sites:read'],
    // Webflow issues neither a refresh token nor an expiry; the token lasts until revoked.
    accessTokenNeverExpires: true,
    revocation: { url: 'https://webflow.com/oauth/revoke_authorization', encoding: 'json', tokenField: 'access_token' },
  },
  apiKey: {
    fields: [
      {
        name: 'siteToken',
        label: 'Site API token',
        description: 'A site API token from Site settings → Apps & integrations → API access.',
        scope: 'installation',
        pattern: '^[A-Za-z0-9._-]{16,512}$',
        required: true,
        secret: true,
      },
    ],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    authorizationUrl: doc(OAUTH),
    tokenUrl: doc(OAUTH),
    pkce: unconfirmed('The OAuth tutorial describes no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(OAUTH),
    tokenRequestEncoding: unconfirmed('The tutorial lists the parameters but not their encoding; the urlencoded form of RFC 6749.'),
    scopeSeparator: doc(OAUTH),
    defaultScopes: doc(OAUTH),
    tokenLifetime: unconfirmed('The token answer documents no expiry and no refresh token; the token is kept until revoked.'),
    refreshToken: unconfirmed('No refresh token is documented for Data Client apps.'),
    revocation: doc(OAUTH),
    apiBaseUrl: doc('https://developers.webflow.com/data/reference/authentication'),
    apiKey: doc(SITE_TOKEN),
  },
};
