import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const OAUTH = 'https://developer.deel.com/docs/getting-started-1';
const ROTATION = 'https://developer.deel.com/v2.1.72/docs/token-rotation';

export const deel: ProviderEntry = {
  slug: 'deel',
  name: 'Deel',
  description: 'Access contracts, people, timesheets and invoices in Deel for global payroll and contractors.',
  category: 'hr-payroll',
  docsUrl: OAUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.letsdeel.com/rest/v2',
  oauth: {
    authorizationUrl: 'https://app.deel.com/oauth2/authorize',
    tokenUrl: 'https://app.deel.com/oauth2/tokens',
    clientAuth: 'basic',
    // The refresh request repeats the redirect URI registered for the app.
    redirectUriOnRefresh: true,
    defaultScopes: ['organizations:read'],
    // Refresh tokens are single-use: reusing one is invalid_grant and may revoke the grant.
    refreshTokenRotates: true,
  },
  sources: {
    authorizationUrl: doc('https://developer.deel.com/v2.3.0/docs/getting-started-1'),
    tokenUrl: doc('https://developer.deel.com/changelog/v1-27'),
    pkce: unconfirmed('The OAuth guide describes no PKCE parameters; PKCE off (conservative).'),
    clientAuth: doc('https://developer.deel.com/changelog/v1-27'),
    tokenRequestEncoding: doc('https://developer.deel.com/changelog/v1-27'),
    redirectUriOnRefresh: doc(ROTATION),
    scopeSeparator: doc('https://developer.deel.com/v2.3.0/docs/getting-started-1'),
    defaultScopes: doc('https://developer.deel.com/v2.3.0/docs/getting-started-1'),
    tokenLifetime: doc(OAUTH),
    refreshToken: doc(OAUTH),
    revocation: unconfirmed('Deel documents a token-revoked webhook but no revocation endpoint; none is called.'),
    apiBaseUrl: unconfirmed('The REST v2 base the API reference uses; the OAuth guide does not state it.'),
  },
};
