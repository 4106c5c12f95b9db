import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const zoom: ProviderEntry = {
  slug: 'zoom',
  name: 'Zoom',
  description: 'Access meetings, recordings and user data in Zoom.',
  category: 'communication',
  docsUrl: 'https://developers.zoom.us/docs/api/using-zoom-apis/',
  logo: 'zoom',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.zoom.us/v2',
  oauth: {
    authorizationUrl: 'https://zoom.us/oauth/authorize',
    tokenUrl: 'https://zoom.us/oauth/token',
    pkce: true,
    clientAuth: 'basic',
    refreshTokenRotates: true,
    revocation: {
      url: 'https://zoom.us/oauth/revoke',
      auth: 'basic',
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
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Zoom grants the scopes configured on the app; none need to be requested.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
