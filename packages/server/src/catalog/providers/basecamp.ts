import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md';
const API = 'https://github.com/basecamp/bc3-api/blob/master/README.md';

export const basecamp: ProviderEntry = {
  slug: 'basecamp',
  name: 'Basecamp',
  description: 'Projects, to-dos, messages and files in Basecamp accounts, authorized through 37signals Launchpad.',
  category: 'project-management',
  docsUrl: AUTH,
  logo: 'basecamp',
  authMethods: ['oauth'],
  // Every path starts with the account id, e.g. /999999999/projects.json (from authorization.json).
  apiBaseUrl: 'https://3.basecampapi.com',
  oauth: {
    authorizationUrl: 'https://launchpad.37signals.com/authorization/new',
    tokenUrl: 'https://launchpad.37signals.com/authorization/token',
    tokenLifetimeSeconds: 1209600,
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(AUTH),
    pkce: unconfirmed('The authentication guide does not mention PKCE; PKCE off.'),
    clientAuth: doc(AUTH),
    tokenRequestEncoding: unconfirmed('The guide lists POST parameters without naming an encoding; RFC 6749 form encoding is used.'),
    scopeSeparator: unconfirmed('Launchpad has no scopes, so the separator is never used; space kept.'),
    defaultScopes: doc(AUTH),
    tokenLifetime: doc(AUTH),
    refreshToken: unconfirmed(
      'Refresh is documented (grant_type=refresh_token, same URL) and the response carries a refresh_token; whether the old one stops working is not stated, so rotation is not assumed.',
    ),
    revocation: unconfirmed('The guide documents no revocation endpoint; none is configured.'),
    apiBaseUrl: doc(API),
  },
};
