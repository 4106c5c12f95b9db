import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const GUIDE = 'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth';
const TOKEN = 'https://developers.smartsheet.com/api/smartsheet/openapi/tokens/tokens-getorrefresh';

export const smartsheet: ProviderEntry = {
  slug: 'smartsheet',
  name: 'Smartsheet',
  description: 'Read and update sheets, rows, workspaces and reports in Smartsheet (US, Gov, Europe or Australia).',
  category: 'project-management',
  docsUrl: GUIDE,
  authMethods: ['oauth'],
  hosts: ['smartsheet.com', 'smartsheetgov.com', 'smartsheet.eu', 'smartsheet.au'],
  apiBaseUrl: 'https://api.${config.smartsheetDomain}/2.0',
  configFields: [
    {
      name: 'smartsheetDomain',
      label: 'Smartsheet domain',
      description:
        'The product the app is registered with: smartsheet.com (the default), smartsheetgov.com (Gov), smartsheet.eu or smartsheet.au (Regions).',
      scope: 'integration',
      pattern: '^(smartsheet\\.com|smartsheetgov\\.com|smartsheet\\.eu|smartsheet\\.au)$',
      required: false,
      secret: false,
      default: 'smartsheet.com',
      kind: 'host',
    },
  ],
  oauth: {
    authorizationUrl: 'https://app.${config.smartsheetDomain}/b/authorize',
    tokenUrl: 'https://api.${config.smartsheetDomain}/2.0/token',
    defaultScopes: ['READ_SHEETS'],
    // DELETE /token revokes the access token presented as the Bearer credential.
    revocation: { url: 'https://api.${config.smartsheetDomain}/2.0/token', method: 'DELETE', auth: 'bearer', encoding: 'none' },
  },
  sources: {
    authorizationUrl: doc(GUIDE),
    tokenUrl: doc(TOKEN),
    pkce: unconfirmed('The OAuth guide describes no PKCE parameters; PKCE off (conservative).'),
    // The secret may be sent in plain text or as a SHA-256 hash with the code; the plain form is used.
    clientAuth: doc(TOKEN),
    tokenRequestEncoding: doc(TOKEN),
    scopeSeparator: unconfirmed('Not stated on the pages read; the space of RFC 6749.'),
    defaultScopes: unconfirmed('READ_SHEETS, the read-only scope for sheet data; the narrowest useful one.'),
    tokenLifetime: doc(TOKEN),
    refreshToken: doc(TOKEN),
    revocation: doc('https://smartsheet.redoc.ly/tag/token'),
    hosts: unconfirmed(
      "API hosts per region from the Base URL page; the authorization page is assumed on the same domain's app host, as for smartsheet.com.",
    ),
    apiBaseUrl: doc('https://developers.smartsheet.com/api/smartsheet/guides/basics/base-url'),
  },
};
