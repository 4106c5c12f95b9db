import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const box: ProviderEntry = {
  slug: 'box',
  name: 'Box',
  description: 'Access files and folders in Box.',
  category: 'files',
  docsUrl: 'https://developer.box.com/guides/authentication/tokens/access-tokens/',
  logo: 'box',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.box.com/2.0',
  oauth: {
    authorizationUrl: 'https://account.box.com/api/oauth2/authorize',
    tokenUrl: 'https://api.box.com/oauth2/token',
    refreshTokenRotates: true,
    revocation: {
      url: 'https://api.box.com/oauth2/revoke',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Not documented by Box.'),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Box grants the scopes configured on the app.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
