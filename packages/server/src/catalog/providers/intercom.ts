import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const SETUP = 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth';
const REGIONS = 'https://developers.intercom.com/building-apps/docs/rest-apis';

export const intercom: ProviderEntry = {
  slug: 'intercom',
  name: 'Intercom',
  description: 'Access conversations and contacts in an Intercom workspace.',
  category: 'support',
  docsUrl: SETUP,
  logo: 'intercom',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.apiHost}',
  hosts: ['intercom.com', 'intercom.io'],
  // Workspaces are hosted in the US (the defaults), Europe or Australia; the two hosts name one region.
  configFields: [
    {
      name: 'appHost',
      label: 'Intercom app host',
      description: 'app.intercom.com (US, the default), app.eu.intercom.com (Europe) or app.au.intercom.com (Australia).',
      scope: 'installation',
      pattern: '^app(?:\\.eu|\\.au)?\\.intercom\\.com$',
      required: false,
      secret: false,
      kind: 'host',
      default: 'app.intercom.com',
    },
    {
      name: 'apiHost',
      label: 'Intercom API host',
      description: 'api.intercom.io (US, the default), api.eu.intercom.io (Europe) or api.au.intercom.io (Australia).',
      scope: 'installation',
      pattern: '^api(?:\\.eu|\\.au)?\\.intercom\\.io$',
      required: false,
      secret: false,
      kind: 'host',
      default: 'api.intercom.io',
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.appHost}/oauth',
    tokenUrl: 'https://${config.apiHost}/auth/eagle/token',
    // Permissions are chosen on the app in the Developer Hub, not requested per authorization.
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: doc(SETUP),
    tokenUrl: doc(SETUP),
    hosts: doc(REGIONS),
    pkce: unconfirmed('Not documented: PKCE off (conservative).'),
    clientAuth: doc(SETUP),
    tokenRequestEncoding: doc(SETUP),
    scopeSeparator: unconfirmed('Intercom takes no scope parameter (permissions are set on the app); the default separator is never used.'),
    defaultScopes: doc(SETUP),
    tokenLifetime: doc(SETUP),
    refreshToken: doc(SETUP),
    revocation: unconfirmed('No token revocation endpoint is documented; access ends when the workspace uninstalls the app.'),
    apiBaseUrl: doc(REGIONS),
  },
};
