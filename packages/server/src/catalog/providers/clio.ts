import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHORIZATION = 'https://docs.developers.clio.com/api-docs/authorization/';
const REGIONS = 'https://docs.developers.clio.com/handbook/getting-started/regions';
const FAQ = 'https://docs.developers.clio.com/faq/';

export const clio: ProviderEntry = {
  slug: 'clio',
  name: 'Clio Manage',
  description: 'Work with matters, contacts, activities, calendars and bills of a law firm in Clio Manage (US, EU, Canada or Australia).',
  category: 'crm',
  docsUrl: AUTHORIZATION,
  authMethods: ['oauth'],
  hosts: ['clio.com'],
  apiBaseUrl: 'https://${config.clioHost}/api/v4',
  configFields: [
    {
      name: 'clioHost',
      label: 'Clio region',
      description:
        'The regional Clio Manage host the app is registered in: app.clio.com (US, the default), eu.app.clio.com, ca.app.clio.com or au.app.clio.com.',
      scope: 'integration',
      pattern: '^((eu|ca|au)\\.)?app\\.clio\\.com$',
      required: false,
      default: 'app.clio.com',
      secret: false,
      kind: 'host',
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.clioHost}/oauth/authorize',
    tokenUrl: 'https://${config.clioHost}/oauth/token',
    // Deauthorization authenticates with the access token itself. The page also shows the token as a `token`
    // form field, which the Bearer form of the format cannot add; the Bearer header identifies the grant.
    revocation: { url: 'https://${config.clioHost}/oauth/deauthorize', auth: 'bearer' },
  },
  sources: {
    authorizationUrl: doc(AUTHORIZATION),
    tokenUrl: doc(AUTHORIZATION),
    pkce: unconfirmed('The Manage authorization page lists no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(AUTHORIZATION),
    tokenRequestEncoding: doc(AUTHORIZATION),
    scopeSeparator: unconfirmed('Permissions are chosen in the developer application, not requested; the space of RFC 6749 is kept.'),
    defaultScopes: unconfirmed("None: the authorize request takes no scope, the app's permissions apply."),
    tokenLifetime: doc(FAQ),
    // Manage refresh tokens do not expire and are reused; a refresh answers no new one.
    refreshToken: doc(FAQ),
    revocation: doc(AUTHORIZATION),
    hosts: doc(REGIONS),
    apiBaseUrl: doc(REGIONS),
  },
};
