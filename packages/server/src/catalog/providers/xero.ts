import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Xero documents PKCE for its public "PKCE apps"; not confirmed for web apps with a secret.',
    ),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    issuer: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
