import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const STARTED = 'https://developers.outreach.io/api/getting-started/';
const OAUTH = 'https://developers.outreach.io/api/oauth/';

export const outreach: ProviderEntry = {
  slug: 'outreach',
  name: 'Outreach',
  description: 'Work with prospects, accounts, sequences and tasks in an Outreach sales engagement instance.',
  category: 'crm',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.outreach.io/api/v2',
  oauth: {
    authorizationUrl: 'https://api.outreach.io/oauth/authorize',
    tokenUrl: 'https://api.outreach.io/oauth/token',
    defaultScopes: ['users.read'],
  },
  sources: {
    authorizationUrl: doc(STARTED),
    tokenUrl: doc(STARTED),
    pkce: unconfirmed('PKCE is documented for the MCP server, not for REST API apps; off (conservative).'),
    clientAuth: doc(STARTED),
    tokenRequestEncoding: unconfirmed('The token request parameters are listed without a content type; form encoding (RFC 6749) is used.'),
    scopeSeparator: doc(STARTED),
    defaultScopes: doc(STARTED),
    tokenLifetime: doc(STARTED),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    apiBaseUrl: doc(STARTED),
  },
};
