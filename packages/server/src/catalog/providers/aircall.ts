import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const TUTORIAL = 'https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works';
const GUIDE = 'https://developer.aircall.io/docs/oauth';
const REFERENCE = 'https://developer.aircall.io/api-references/';

export const aircall: ProviderEntry = {
  slug: 'aircall',
  name: 'Aircall',
  description: 'Calls, users, contacts and numbers of an Aircall company, for Aircall technology partners.',
  category: 'communication',
  docsUrl: GUIDE,
  logo: 'aircall',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.aircall.io/v1',
  oauth: {
    authorizationUrl: 'https://dashboard.aircall.io/oauth/authorize',
    tokenUrl: 'https://api.aircall.io/v1/oauth/token',
    defaultScopes: ['public_api'],
    // The flow yields a permanent access token and no refresh token.
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: doc(TUTORIAL),
    tokenUrl: doc(REFERENCE),
    pkce: unconfirmed('PKCE is not mentioned; PKCE off.'),
    clientAuth: doc(REFERENCE),
    tokenRequestEncoding: unconfirmed('RFC 6749 form encoding; the encoding is not stated in what was read.'),
    scopeSeparator: unconfirmed('A single scope is requested, so the separator is never used; space kept.'),
    defaultScopes: doc(REFERENCE),
    tokenLifetime: doc(GUIDE),
    refreshToken: doc(GUIDE),
    revocation: unconfirmed('No token revocation endpoint was found; none is configured.'),
    apiBaseUrl: doc(REFERENCE),
  },
};
