import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

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
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Scopes are selected on the app (introduced 2026-03); none are requested by default.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenResponse: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
