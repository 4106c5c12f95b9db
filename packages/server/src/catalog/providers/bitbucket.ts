import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const bitbucket: ProviderEntry = {
  slug: 'bitbucket',
  name: 'Bitbucket',
  description: 'Access repositories and pull requests on Bitbucket Cloud.',
  category: 'developer',
  docsUrl: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2/',
  logo: 'bitbucket',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.bitbucket.org/2.0',
  oauth: {
    authorizationUrl: 'https://bitbucket.org/site/oauth2/authorize',
    tokenUrl: 'https://bitbucket.org/site/oauth2/access_token',
    clientAuth: 'basic',
    defaultScopes: ['account'],
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11). Earlier note: Not documented for Bitbucket Cloud.'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: No revocation endpoint documented for Bitbucket Cloud.',
    ),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
