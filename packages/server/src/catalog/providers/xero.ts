import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const xero: ProviderEntry = {
  slug: 'xero',
  name: 'Xero',
  description: 'Access accounting data in Xero organisations.',
  category: 'accounting',
  docsUrl: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
  logo: 'xero',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.xero.com/api.xro/2.0',
  oauth: {
    authorizationUrl: 'https://login.xero.com/identity/connect/authorize',
    tokenUrl: 'https://identity.xero.com/connect/token',
    clientAuth: 'basic',
    defaultScopes: ['openid', 'profile', 'email', 'offline_access'],
    issuer: 'https://identity.xero.com',
    refreshTokenRotates: true,
    revocation: {
      url: 'https://identity.xero.com/connect/revocation',
      auth: 'basic',
    },
  },
  sources: {
    authorizationUrl: doc('https://developer.xero.com/documentation/oauth2/auth-flow'),
    tokenUrl: unconfirmed(
      'POST https://identity.xero.com/connect/token per https://developer.xero.com/documentation/oauth2/auth-flow; that section was not in the copy checked today.',
    ),
    pkce: unconfirmed(
      'Xero documents PKCE for apps without a secret (https://developer.xero.com/documentation/oauth2/pkce-flow); not for web apps with one, so PKCE off (conservative).',
    ),
    clientAuth: unconfirmed(
      'Basic client authentication at the token endpoint per https://developer.xero.com/documentation/oauth2/auth-flow; that section was not in the copy checked today.',
    ),
    tokenRequestEncoding: unconfirmed(
      'Form body per https://developer.xero.com/documentation/oauth2/auth-flow; that section was not in the copy checked today.',
    ),
    scopeSeparator: doc('https://developer.xero.com/documentation/oauth2/auth-flow'),
    defaultScopes: doc('https://developer.xero.com/documentation/oauth2/auth-flow'),
    tokenLifetime: doc('https://developer.xero.com/faq/oauth2'),
    refreshToken: doc('https://developer.xero.com/faq/oauth2'),
    revocation: unconfirmed(
      'POST https://identity.xero.com/connect/revocation with Basic client authentication (RFC 7009) per https://developer.xero.com/documentation/oauth2/auth-flow; that section was not in the copy checked today.',
    ),
    apiBaseUrl: unconfirmed('https://api.xero.com/api.xro/2.0, the base of the Accounting API; the overview page was not re-read today.'),
    issuer: unconfirmed("https://identity.xero.com, the issuer of Xero's OpenID Connect discovery document; not re-fetched today."),
  },
};
