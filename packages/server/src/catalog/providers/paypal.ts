import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const BUILD = 'https://developer.paypal.com/log-in/build';
const BUTTON = 'https://developer.paypal.com/log-in/build-button';

export const paypal: ProviderEntry = {
  slug: 'paypal',
  name: 'PayPal',
  description: 'Sign users in with Log in with PayPal and read the profile they share (live or sandbox).',
  category: 'payments',
  docsUrl: BUILD,
  logo: 'paypal',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.paypalApiHost}.paypal.com',
  configFields: [
    {
      name: 'paypalWebHost',
      label: 'Login host',
      description: '"www" for live (www.paypal.com, the default) or "www.sandbox" for the sandbox (www.sandbox.paypal.com).',
      scope: 'integration',
      pattern: '^www(\\.sandbox)?$',
      required: false,
      default: 'www',
      secret: false,
    },
    {
      name: 'paypalApiHost',
      label: 'API host',
      description: '"api-m" for live (api-m.paypal.com, the default) or "api-m.sandbox" for the sandbox; must match the login host.',
      scope: 'integration',
      pattern: '^api-m(\\.sandbox)?$',
      required: false,
      default: 'api-m',
      secret: false,
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.paypalWebHost}.paypal.com/signin/authorize',
    tokenUrl: 'https://${config.paypalApiHost}.paypal.com/v1/oauth2/token',
    clientAuth: 'basic',
    // Every scope list must include openid.
    defaultScopes: ['openid'],
    // The documented authorization URL carries flowEntry=static.
    authorizationParams: { flowEntry: 'static' },
  },
  sources: {
    authorizationUrl: doc(BUTTON),
    tokenUrl: doc(BUILD),
    pkce: unconfirmed('The Log in with PayPal pages describe no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(BUILD),
    tokenRequestEncoding: unconfirmed('Not stated on the pages read; the urlencoded form of RFC 6749 that PayPal OAuth uses.'),
    scopeSeparator: doc(BUTTON),
    defaultScopes: doc(BUTTON),
    tokenLifetime: unconfirmed('Not stated on the pages read; the lifetime is read from expires_in, none is assumed.'),
    refreshToken: unconfirmed('Refresh tokens are issued with the code exchange; rotation is not stated, so none is assumed.'),
    revocation: unconfirmed('No revocation endpoint is documented for Log in with PayPal; none is called.'),
    apiBaseUrl: doc(BUILD),
  },
};
