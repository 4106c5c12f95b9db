import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://learn.microsoft.com/en-us/linkedin/shared/authentication';

export const linkedin: ProviderEntry = {
  slug: 'linkedin',
  name: 'LinkedIn',
  description: "Sign members in and act on their behalf with LinkedIn's APIs, such as sharing posts.",
  category: 'social',
  docsUrl: `${AUTH}/authorization-code-flow`,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.linkedin.com/v2',
  oauth: {
    authorizationUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
    defaultScopes: ['openid', 'profile'],
  },
  sources: {
    authorizationUrl: doc(`${AUTH}/authorization-code-flow`),
    tokenUrl: doc(`${AUTH}/authorization-code-flow`),
    pkce: unconfirmed('PKCE is not documented for web apps; off (conservative).'),
    clientAuth: doc(`${AUTH}/authorization-code-flow`),
    tokenRequestEncoding: doc(`${AUTH}/authorization-code-flow`),
    scopeSeparator: doc(`${AUTH}/authorization-code-flow`),
    defaultScopes: doc('https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2'),
    // Access tokens last 60 days; refresh tokens go to approved partners only, with a fixed one-year life
    // that a refresh does not reset.
    tokenLifetime: doc(`${AUTH}/programmatic-refresh-tokens`),
    refreshToken: doc(`${AUTH}/programmatic-refresh-tokens`),
    revocation: unconfirmed('No token revocation endpoint is documented for member tokens; left unset.'),
    apiBaseUrl: doc(`${AUTH}/authentication`),
  },
};
