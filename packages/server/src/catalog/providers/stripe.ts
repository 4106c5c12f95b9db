import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const REFERENCE = 'https://docs.stripe.com/connect/oauth-reference';
const STANDARD = 'https://docs.stripe.com/connect/oauth-standard-accounts';

export const stripe: ProviderEntry = {
  slug: 'stripe',
  name: 'Stripe',
  description:
    'Access payments, customers, subscriptions and payouts in Stripe, through Connect OAuth for connected accounts or a secret API key.',
  category: 'payments',
  docsUrl: STANDARD,
  logo: 'stripe',
  authMethods: ['oauth', 'api_key'],
  apiBaseUrl: 'https://api.stripe.com/v1',
  oauth: {
    authorizationUrl: 'https://connect.stripe.com/oauth/authorize',
    // The client secret here is the platform's secret API key.
    tokenUrl: 'https://connect.stripe.com/oauth/token',
    defaultScopes: ['read_only'],
    // The answer has no expires_in: the token lasts until the account disconnects. The refresh token only
    // rolls keys, so no lifetime is assumed and a refresh happens only if a token is reported expired.
    metadataFields: ['stripe_user_id', 'stripe_publishable_key', 'livemode'],
  },
  apiKey: {
    fields: [
      {
        name: 'secretKey',
        label: 'Secret key',
        description: 'A secret (sk_…) or restricted (rk_…) API key from the Stripe Dashboard.',
        scope: 'installation',
        pattern: '^(sk|rk)_(test|live)_[A-Za-z0-9]{8,250}$',
        required: true,
        secret: true,
      },
    ],
    presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
  },
  sources: {
    authorizationUrl: doc(REFERENCE),
    tokenUrl: doc(REFERENCE),
    pkce: unconfirmed('The Connect OAuth reference lists no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc(REFERENCE),
    tokenRequestEncoding: doc(REFERENCE),
    scopeSeparator: unconfirmed('Stripe takes a single scope (read_only or read_write); the RFC 6749 space is kept.'),
    defaultScopes: doc(REFERENCE),
    tokenLifetime: unconfirmed(
      'Connect answers carry no expires_in and the token lasts until the account disconnects; no lifetime is assumed.',
    ),
    refreshToken: doc(REFERENCE),
    revocation: unconfirmed(
      'Stripe disconnects an account with POST /oauth/deauthorize naming stripe_user_id, not the token, which the catalog cannot express; none is called.',
    ),
    tokenResponse: doc(REFERENCE),
    apiBaseUrl: doc('https://docs.stripe.com/api/authentication'),
    apiKey: doc('https://docs.stripe.com/api/authentication'),
  },
};
