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
    authorizationUrl: unconfirmed(
      "https://zoom.us/oauth/authorize per Zoom's OAuth guide (https://developers.zoom.us/docs/integrations/oauth/); that page was not in the stored copies checked today.",
    ),
    tokenUrl: unconfirmed(
      'https://zoom.us/oauth/token per https://developers.zoom.us/docs/integrations/oauth/; not in the stored copies checked today.',
    ),
    pkce: unconfirmed(
      'Zoom supports code_challenge (S256) per https://developers.zoom.us/docs/integrations/oauth/; not re-read today. Kept on, as before.',
    ),
    clientAuth: unconfirmed(
      'Basic client authentication (base64 of client_id:client_secret) per https://developers.zoom.us/docs/integrations/oauth/; not re-read today.',
    ),
    tokenRequestEncoding: unconfirmed('Form body per https://developers.zoom.us/docs/integrations/oauth/; not re-read today.'),
    scopeSeparator: unconfirmed(
      'Space, the RFC 6749 default; no scopes are requested (Zoom grants the scopes configured on the app), so the separator is not used.',
    ),
    defaultScopes: unconfirmed('None requested: Zoom grants the scopes configured on the app.'),
    tokenLifetime: unconfirmed('Access tokens last one hour and the token response carries expires_in; not re-read today.'),
    refreshToken: unconfirmed('Each refresh returns a new refresh token (rotation), as before; not re-read today.'),
    revocation: unconfirmed(
      'POST https://zoom.us/oauth/revoke with Basic client authentication and token in a form body per https://developers.zoom.us/docs/integrations/oauth/; not re-read today.',
    ),
    apiBaseUrl: unconfirmed(
      "https://api.zoom.us/v2, the base of Zoom's REST API (https://developers.zoom.us/docs/api/using-zoom-apis/); not re-read today.",
    ),
  },
};
