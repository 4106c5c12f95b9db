import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const SETUP = 'https://developers.gorgias.com/docs/set-up-oauth2-app-store';

export const gorgias: ProviderEntry = {
  slug: 'gorgias',
  name: 'Gorgias',
  description: 'Read and answer tickets, customers and users in a Gorgias helpdesk.',
  category: 'support',
  docsUrl: SETUP,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.subdomain}.gorgias.com/api',
  hosts: ['gorgias.com'],
  configFields: [
    {
      name: 'subdomain',
      label: 'Gorgias subdomain',
      description: 'The helpdesk subdomain: "acme" for acme.gorgias.com.',
      scope: 'installation',
      pattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.subdomain}.gorgias.com/oauth/authorize',
    tokenUrl: 'https://${config.subdomain}.gorgias.com/oauth/token',
    clientAuth: 'basic',
    // `offline` is what makes Gorgias issue a refresh token.
    defaultScopes: ['offline', 'account:read'],
  },
  sources: {
    authorizationUrl: doc(SETUP),
    tokenUrl: doc(SETUP),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: unconfirmed(
      'Not stated in the pages consulted; HTTP Basic is chosen because RFC 6749 requires token endpoints to accept it.',
    ),
    tokenRequestEncoding: unconfirmed('Not stated in the pages consulted; form encoding (RFC 6749) is used.'),
    scopeSeparator: doc(SETUP),
    defaultScopes: doc('https://developers.gorgias.com/docs/oauth2-scopes'),
    tokenLifetime: doc('https://developers.gorgias.com/docs/oauth2-bearer-token'),
    refreshToken: doc('https://developers.gorgias.com/docs/oauth2-scopes'),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    hosts: doc(SETUP),
    apiBaseUrl: doc(SETUP),
  },
};
