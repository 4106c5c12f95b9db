import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const GUIDE = 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/';

export const mailchimp: ProviderEntry = {
  slug: 'mailchimp',
  name: 'Mailchimp',
  description: 'Manage audiences, campaigns and reports in a Mailchimp Marketing account.',
  category: 'marketing',
  docsUrl: GUIDE,
  logo: 'mailchimp',
  authMethods: ['oauth'],
  // The API lives at https://<dc>.api.mailchimp.com/3.0, where <dc> comes from a call to the
  // metadata endpoint after the token exchange; the format cannot express that call.
  apiBaseUrl: null,
  oauth: {
    authorizationUrl: 'https://login.mailchimp.com/oauth2/authorize',
    tokenUrl: 'https://login.mailchimp.com/oauth2/token',
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: doc(GUIDE),
    tokenUrl: doc(GUIDE),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(GUIDE),
    tokenRequestEncoding: doc(GUIDE),
    scopeSeparator: unconfirmed('Mailchimp OAuth has no scopes; the OAuth default (space) is kept.'),
    defaultScopes: doc(GUIDE),
    // Tokens do not expire and no refresh token is issued (expires_in is 0).
    tokenLifetime: doc(GUIDE),
    refreshToken: doc(GUIDE),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    apiBaseUrl: unconfirmed(
      'The data center (dc) is read from https://login.mailchimp.com/oauth2/metadata with the new token; that call is not part of the format, so no base URL is set.',
    ),
  },
};
