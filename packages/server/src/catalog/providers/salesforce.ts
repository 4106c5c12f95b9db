import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const WEB_SERVER_FLOW = 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_web_server_flow.htm&type=5';
const REFRESH = 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_understanding_refresh_token_oauth.htm';
const REVOKE = 'https://developer.salesforce.com/docs/platform/mobile-sdk/guide/oauth-revoking-tokens.html';

export const salesforce: ProviderEntry = {
  slug: 'salesforce',
  name: 'Salesforce',
  description: 'Access CRM records in a Salesforce org.',
  category: 'crm',
  docsUrl: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_endpoints.htm&type=5',
  authMethods: ['oauth'],
  // API calls go to the instance_url of each token answer (kept as metadata).
  apiBaseUrl: null,
  hosts: ['salesforce.com'],
  configFields: [
    {
      name: 'loginHost',
      label: 'Login host',
      description:
        "login.salesforce.com for production, test.salesforce.com for sandboxes, or the org's My Domain login host such as acme.my.salesforce.com or acme--uat.sandbox.my.salesforce.com.",
      scope: 'installation',
      pattern: '^(?:login|test|[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?(?:\\.sandbox)?\\.my)\\.salesforce\\.com$',
      required: false,
      secret: false,
      kind: 'host',
      default: 'login.salesforce.com',
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.loginHost}/services/oauth2/authorize',
    tokenUrl: 'https://${config.loginHost}/services/oauth2/token',
    pkce: true,
    defaultScopes: ['api', 'refresh_token'],
    // The answer has no expires_in: the token lives as long as the org's session timeout (default two hours).
    tokenLifetimeSeconds: 7200,
    metadataFields: ['instance_url', 'id', 'issued_at'],
    revocation: { url: 'https://${config.loginHost}/services/oauth2/revoke', auth: 'none' },
  },
  sources: {
    authorizationUrl: doc('https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_endpoints.htm&type=5'),
    tokenUrl: doc('https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_endpoints.htm&type=5'),
    hosts: doc(REVOKE),
    pkce: doc(WEB_SERVER_FLOW),
    clientAuth: doc(REFRESH),
    tokenRequestEncoding: doc(REFRESH),
    scopeSeparator: doc(WEB_SERVER_FLOW),
    defaultScopes: doc('https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_tokens_scopes.htm&type=5'),
    tokenLifetime: doc('https://developer.salesforce.com/docs/platform/api-metadata/guide/meta-error-handling-session-exp.html'),
    refreshToken: doc(REFRESH),
    revocation: doc(REVOKE),
    tokenResponse: doc(REFRESH),
    apiBaseUrl: unconfirmed('None: each org answers its own instance_url in the token response, kept as connection metadata.'),
  },
};
