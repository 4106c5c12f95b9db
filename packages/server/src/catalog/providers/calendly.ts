import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const calendly: ProviderEntry = {
  slug: 'calendly',
  name: 'Calendly',
  description: 'Access scheduled events and event types in Calendly.',
  category: 'calendar-email',
  docsUrl: 'https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users',
  logo: 'calendly',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.calendly.com',
  oauth: {
    authorizationUrl: 'https://auth.calendly.com/oauth/authorize',
    tokenUrl: 'https://auth.calendly.com/oauth/token',
    pkce: true,
    refreshTokenRotates: true,
    metadataFields: ['owner', 'organization'],
    revocation: {
      url: 'https://auth.calendly.com/oauth/revoke',
    },
  },
  sources: {
    authorizationUrl: doc('https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users'),
    tokenUrl: unconfirmed(
      'POST https://auth.calendly.com/oauth/token (the Get Access Token endpoint linked from https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users); the reference page itself was only seen as a preview copy.',
    ),
    pkce: doc('https://developer.calendly.com/creating-an-oauth-app'),
    clientAuth: unconfirmed(
      'client_id and client_secret in the form body, as the token endpoint reference shows; only a preview copy of that page was seen today.',
    ),
    tokenRequestEncoding: unconfirmed(
      'Form-encoded, as the token endpoint reference shows; only a preview copy of that page was seen today.',
    ),
    scopeSeparator: unconfirmed('Space, the RFC 6749 default; no scopes are requested, so the separator is not used.'),
    defaultScopes: doc('https://developer.calendly.com/creating-an-oauth-app'),
    tokenLifetime: doc('https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users'),
    refreshToken: doc('https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users'),
    revocation: unconfirmed(
      "POST https://auth.calendly.com/oauth/revoke (RFC 7009, client credentials in the body) per Calendly's API reference; not re-read today.",
    ),
    apiBaseUrl: unconfirmed("https://api.calendly.com is the host of every v2 endpoint in Calendly's API reference; not re-read today."),
    tokenResponse: unconfirmed(
      'owner and organization (URIs of the user and organization) are in the token response of the reference; only a preview copy was seen today.',
    ),
  },
};
