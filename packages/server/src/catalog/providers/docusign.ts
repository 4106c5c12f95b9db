import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const HOW_TO = 'https://developers.docusign.com/platform/auth/confidential-authcode-get-token';
const TOKEN = 'https://developers.docusign.com/platform/auth/reference/obtain-access-token';

export const docusign: ProviderEntry = {
  slug: 'docusign',
  name: 'Docusign',
  description: 'Send envelopes for signature and track their status in Docusign eSignature (developer or production accounts).',
  category: 'docs-design',
  docsUrl: 'https://developers.docusign.com/platform/auth/authcode',
  authMethods: ['oauth'],
  hosts: ['docusign.com', 'docusign.net'],
  apiBaseUrl: 'https://${config.baseUriHost}/restapi',
  configFields: [
    {
      name: 'accountServer',
      label: 'Account server',
      description: '"account-d.docusign.com" for the developer (demo) environment, "account.docusign.com" (the default) for production.',
      scope: 'integration',
      pattern: '^account(-d)?\\.docusign\\.com$',
      required: false,
      default: 'account.docusign.com',
      secret: false,
      kind: 'host',
    },
    {
      name: 'baseUriHost',
      label: 'Account base URI host',
      description: 'The host of the account\'s base_uri as /oauth/userinfo reports it, e.g. "demo.docusign.net" or "na3.docusign.net".',
      scope: 'installation',
      pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.docusign\\.net$',
      required: true,
      secret: false,
      kind: 'host',
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.accountServer}/oauth/auth',
    tokenUrl: 'https://${config.accountServer}/oauth/token',
    clientAuth: 'basic',
    defaultScopes: ['signature'],
  },
  sources: {
    authorizationUrl: doc(HOW_TO),
    tokenUrl: doc(TOKEN),
    pkce: unconfirmed('PKCE is described for the public flow; the confidential flow here sends none (conservative).'),
    clientAuth: doc(TOKEN),
    tokenRequestEncoding: doc(TOKEN),
    scopeSeparator: unconfirmed('Not stated on the pages read; the space of RFC 6749.'),
    defaultScopes: unconfirmed('"signature" is the scope the eSignature REST API needs; no narrower read scope exists.'),
    tokenLifetime: doc('https://developers.docusign.com/docs/esign-rest-api/sdks/python/auth'),
    // A refresh answers a new access token and a new refresh token; whether the old one dies is not stated.
    refreshToken: doc(TOKEN),
    revocation: unconfirmed('No token revocation endpoint is documented for the Authorization Code Grant; none is called.'),
    hosts: unconfirmed('The account servers (account-d / account .docusign.com) and the per-account API hosts under docusign.net.'),
    apiBaseUrl: unconfirmed('Each account has its own base_uri (from /oauth/userinfo) under docusign.net, plus /restapi.'),
  },
};
