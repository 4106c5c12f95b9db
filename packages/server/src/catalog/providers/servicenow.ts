import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const WORKFLOW = 'https://www.servicenow.com/docs/r/platform-security/authentication/authorization-workflow.html';

// Only <instance>.service-now.com instances are covered: custom instance URLs would leave the entry's hosts
// (docs/security.md B, built-in URL templates).
export const servicenow: ProviderEntry = {
  slug: 'servicenow',
  name: 'ServiceNow',
  description:
    "Work with incidents, records and tables of a ServiceNow instance through its REST APIs, as the user who authorizes the instance's OAuth application.",
  category: 'support',
  docsUrl: WORKFLOW,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.instance}.service-now.com/api/now',
  configFields: [
    {
      name: 'instance',
      label: 'ServiceNow instance',
      description: 'The instance name in front of .service-now.com: "acme" for acme.service-now.com.',
      scope: 'integration',
      pattern: '^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.instance}.service-now.com/oauth_auth.do',
    tokenUrl: 'https://${config.instance}.service-now.com/oauth_token.do',
  },
  sources: {
    authorizationUrl: doc(WORKFLOW),
    tokenUrl: doc(WORKFLOW),
    // PKCE is documented for public clients; a confidential client (with a secret) does not use it.
    pkce: doc(WORKFLOW),
    clientAuth: doc(WORKFLOW),
    tokenRequestEncoding: doc(WORKFLOW),
    scopeSeparator: doc(WORKFLOW),
    defaultScopes: doc(WORKFLOW),
    tokenLifetime: unconfirmed(
      "The lifespan is set per application in the instance's OAuth registry and is not stated in the workflow page; the token response's expires_in is used and no lifetime is assumed without it.",
    ),
    refreshToken: doc(WORKFLOW),
    revocation: unconfirmed('No revocation request is described in the authorization code workflow; none is called.'),
    hosts: unconfirmed('The docs write https://<servicenow_base_url>; only <instance>.service-now.com instance URLs are accepted.'),
    apiBaseUrl: doc(WORKFLOW),
  },
};
