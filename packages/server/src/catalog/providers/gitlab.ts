import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const gitlab: ProviderEntry = {
  slug: 'gitlab',
  name: 'GitLab',
  description: 'Access projects, merge requests and issues on GitLab.com.',
  category: 'developer',
  docsUrl: 'https://docs.gitlab.com/api/oauth2/',
  logo: 'gitlab',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://gitlab.com/api/v4',
  oauth: {
    authorizationUrl: 'https://gitlab.com/oauth/authorize',
    tokenUrl: 'https://gitlab.com/oauth/token',
    pkce: true,
    defaultScopes: ['read_user'],
    issuer: 'https://gitlab.com',
    refreshTokenRotates: true,
    revocation: {
      url: 'https://gitlab.com/oauth/revoke',
    },
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    issuer: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
