import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTHENTICATION = 'https://developers.egnyte.com/docs/read/Public_API_Authentication';

export const egnyte: ProviderEntry = {
  slug: 'egnyte',
  name: 'Egnyte',
  description: 'Browse, upload and share files and folders in an Egnyte domain.',
  category: 'files',
  docsUrl: AUTHENTICATION,
  logo: 'egnyte',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.subdomain}.egnyte.com/pubapi',
  configFields: [
    {
      name: 'subdomain',
      label: 'Egnyte domain',
      description: 'The Egnyte domain name: "acme" for acme.egnyte.com.',
      scope: 'installation',
      pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    // The same path serves the authorization page (GET) and the token exchange (POST).
    authorizationUrl: 'https://${config.subdomain}.egnyte.com/puboauth/token',
    tokenUrl: 'https://${config.subdomain}.egnyte.com/puboauth/token',
    // Egnyte scopes have no read-only variant; the file system is the common ground.
    defaultScopes: ['Egnyte.filesystem'],
    // Tokens do not expire; a password change or a revocation by the user ends them (401).
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: doc(AUTHENTICATION),
    tokenUrl: doc(AUTHENTICATION),
    pkce: unconfirmed('The authentication page describes no PKCE parameters; PKCE off (conservative).'),
    clientAuth: unconfirmed("client_id and client_secret as form parameters, as Egnyte's own SDKs send them; not quoted from the page."),
    tokenRequestEncoding: unconfirmed("The urlencoded form, as Egnyte's own SDKs send it; not quoted from the page."),
    scopeSeparator: unconfirmed("Space-separated, as Egnyte's own SDKs build the authorization URL."),
    defaultScopes: unconfirmed('Egnyte.filesystem, the scope of the File System API; scopes have no read-only variant.'),
    tokenLifetime: doc(AUTHENTICATION),
    refreshToken: doc(AUTHENTICATION),
    revocation: unconfirmed('No revocation endpoint is documented; users revoke access in Egnyte. None is called.'),
    apiBaseUrl: doc(AUTHENTICATION),
  },
};
