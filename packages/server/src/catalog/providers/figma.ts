import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const figma: ProviderEntry = {
  slug: 'figma',
  name: 'Figma',
  description: 'Read Figma files, comments and design data.',
  category: 'docs-design',
  docsUrl: 'https://developers.figma.com/docs/rest-api/authentication/',
  logo: 'figma',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.figma.com/v1',
  oauth: {
    authorizationUrl: 'https://www.figma.com/oauth',
    tokenUrl: 'https://api.figma.com/v1/oauth/token',
    refreshTokenUrl: 'https://api.figma.com/v1/oauth/refresh',
    clientAuth: 'basic',
    scopeSeparator: ',',
    defaultScopes: ['current_user:read'],
  },
  sources: {
    authorizationUrl: unconfirmed(
      'https://www.figma.com/oauth, as before; the authentication page (https://developers.figma.com/docs/rest-api/authentication/) was seen today only down to its OAuth app overview.',
    ),
    tokenUrl: unconfirmed(
      'www.figma.com/api/oauth/token was retired in 2025 for api.figma.com; the endpoint section of https://developers.figma.com/docs/rest-api/authentication/ was not in the copy checked today.',
    ),
    refreshTokenUrl: unconfirmed("Figma refreshes at a separate endpoint; the path was not confirmed from Figma's own page."),
    pkce: unconfirmed("Not confirmed from Figma's docs; PKCE off (conservative)."),
    clientAuth: unconfirmed(
      'api.figma.com takes client credentials as Basic auth (as before); not confirmed from the copy of https://developers.figma.com/docs/rest-api/authentication/ checked today.',
    ),
    tokenRequestEncoding: unconfirmed("Form body, the RFC 6749 default; not confirmed from Figma's page today."),
    scopeSeparator: unconfirmed("Comma per Figma's examples; not confirmed."),
    defaultScopes: unconfirmed(
      "current_user:read, the narrowest scope that identifies the user; not confirmed on Figma's scope list today.",
    ),
    tokenLifetime: unconfirmed("Figma's token response carries expires_in; not re-read today."),
    refreshToken: unconfirmed(
      'Refresh at the separate refresh endpoint; whether the refresh token rotates was not confirmed (assumed not).',
    ),
    revocation: unconfirmed("No revocation endpoint found in Figma's docs; none is used."),
    apiBaseUrl: unconfirmed(
      'https://api.figma.com/v1, the base of the REST API endpoints; not stated in a sentence on the part of https://developers.figma.com/docs/rest-api/authentication/ checked today.',
    ),
  },
};
