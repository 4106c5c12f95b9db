import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const PARTNER = 'https://developer.brex.com/docs/partner_authentication';

export const brex: ProviderEntry = {
  slug: 'brex',
  name: 'Brex',
  description: 'Access cards, transactions, expenses, budgets and users of a Brex account (partner OAuth apps).',
  category: 'payments',
  docsUrl: PARTNER,
  logo: 'brex',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.brex.com',
  oauth: {
    // The partner guide names the authorization server's base URL and defers to its OpenID discovery
    // document for the endpoint paths.
    authorizationUrl: 'https://accounts-api.brex.com/oauth2/default/v1/authorize',
    tokenUrl: 'https://accounts-api.brex.com/oauth2/default/v1/token',
    clientAuth: 'basic',
    // openid is required; offline_access is what earns a refresh token.
    defaultScopes: ['openid', 'offline_access'],
  },
  sources: {
    authorizationUrl: doc(PARTNER),
    tokenUrl: doc(PARTNER),
    pkce: unconfirmed('The partner guide describes no PKCE parameters; PKCE off (conservative).'),
    clientAuth: unconfirmed(
      'Not stated on the partner guide; HTTP Basic, the method an OpenID server assumes for a confidential client that registered none.',
    ),
    tokenRequestEncoding: unconfirmed('Not stated; the standard urlencoded form of RFC 6749.'),
    scopeSeparator: unconfirmed('Not stated; the space of RFC 6749 (OpenID Connect server).'),
    defaultScopes: doc(PARTNER),
    tokenLifetime: unconfirmed('Not stated on the partner guide; the lifetime is read from expires_in, none is assumed.'),
    refreshToken: doc(PARTNER),
    revocation: unconfirmed('No revocation endpoint is named on the partner guide; none is called.'),
    apiBaseUrl: doc('https://developer.brex.com/guides/partner_authentication.md'),
  },
};
