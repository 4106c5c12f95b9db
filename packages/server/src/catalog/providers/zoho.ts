import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const ZOHO_OAUTH = 'https://www.zoho.com/accounts/protocol/oauth';
const ZOHO_CRM = 'https://www.zoho.com/crm/developer/docs/api/v8';

export const zoho: ProviderEntry = {
  slug: 'zoho',
  name: 'Zoho CRM',
  description: 'Read and update leads, contacts, deals and other modules of a Zoho CRM organization.',
  category: 'crm',
  docsUrl: `${ZOHO_CRM}/oauth-overview.html`,
  logo: 'zoho',
  authMethods: ['oauth'],
  // The API host depends on the data center and is returned as `api_domain` in the token response
  // (kept as metadata); it cannot be derived from the accounts host by substitution.
  apiBaseUrl: null,
  hosts: ['zoho.com', 'zoho.eu', 'zoho.in', 'zoho.com.au', 'zoho.jp', 'zoho.sa', 'zoho.com.cn', 'zohocloud.ca'],
  configFields: [
    {
      name: 'domain',
      label: 'Zoho accounts domain',
      description:
        'The Zoho Accounts host of the data center the organization lives in: accounts.zoho.com (US), accounts.zoho.eu, accounts.zoho.in, accounts.zoho.com.au, accounts.zoho.jp, accounts.zoho.sa, accounts.zoho.com.cn or accounts.zohocloud.ca.',
      scope: 'installation',
      pattern:
        '^(?:accounts\\.zoho\\.com|accounts\\.zoho\\.eu|accounts\\.zoho\\.in|accounts\\.zoho\\.com\\.au|accounts\\.zoho\\.jp|accounts\\.zoho\\.sa|accounts\\.zoho\\.com\\.cn|accounts\\.zohocloud\\.ca)$',
      required: true,
      secret: false,
      kind: 'host',
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.domain}/oauth/v2/auth',
    tokenUrl: 'https://${config.domain}/oauth/v2/token',
    scopeSeparator: ',',
    defaultScopes: ['ZohoCRM.users.READ', 'ZohoCRM.org.READ'],
    // A refresh token is issued only with access_type=offline; prompt=consent issues a new one on reconnect.
    authorizationParams: { access_type: 'offline', prompt: 'consent' },
    metadataFields: ['api_domain'],
    callbackParams: ['location', 'accounts-server'],
    revocation: null,
  },
  sources: {
    authorizationUrl: doc(`${ZOHO_OAUTH}/web-apps/authorization.html`),
    tokenUrl: doc(`${ZOHO_OAUTH}/multi-dc/client-authorization.html`),
    pkce: unconfirmed('PKCE is documented only for mobile and desktop clients; the web-app flow does not mention it, so it is off.'),
    clientAuth: doc(`${ZOHO_CRM}/access-refresh.html`),
    tokenRequestEncoding: doc(`${ZOHO_CRM}/access-refresh.html`),
    scopeSeparator: doc(`${ZOHO_CRM}/auth-request.html`),
    defaultScopes: doc(`${ZOHO_CRM}/scopes.html`),
    tokenLifetime: doc(`${ZOHO_OAUTH}/web-apps/access-token-expiry.html`),
    refreshToken: doc(`${ZOHO_OAUTH}/web-apps/access-token-expiry.html`),
    revocation: unconfirmed(
      'Zoho revokes with POST {accounts}/oauth/v2/token/revoke?token=… (token in the query string, see revoke-tokens.html), which the catalog format cannot express; left unset.',
    ),
    callbackParams: doc(`${ZOHO_OAUTH}/multi-dc/client-authorization.html`),
    tokenResponse: doc(`${ZOHO_OAUTH}/multi-dc/client-authorization.html`),
    hosts: doc(`${ZOHO_CRM}/multi-dc.html`),
    apiBaseUrl: doc(`${ZOHO_CRM}/multi-dc.html`),
  },
};
