import { doc, type ProviderEntry } from '../provider-definition.ts';

const AUTH_CODE = 'https://developers.ringcentral.com/guide/authentication/auth-code-flow';
const REFRESH = 'https://developers.ringcentral.com/guide/authentication/refresh-tokens';
const REVOKE = 'https://developers.ringcentral.com/api-reference/OAuth-2.0/revokeToken';

export const ringcentral: ProviderEntry = {
  slug: 'ringcentral',
  name: 'RingCentral',
  description: 'Calls, messages, SMS and account data of a RingCentral user (production platform).',
  category: 'communication',
  docsUrl: AUTH_CODE,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://platform.ringcentral.com/restapi/v1.0',
  oauth: {
    authorizationUrl: 'https://platform.ringcentral.com/restapi/oauth/authorize',
    tokenUrl: 'https://platform.ringcentral.com/restapi/oauth/token',
    pkce: true,
    clientAuth: 'basic',
    // Permissions come from the app registration; no scope parameter is needed.
    defaultScopes: [],
    refreshTokenRotates: true,
    metadataFields: ['owner_id'],
    revocation: { url: 'https://platform.ringcentral.com/restapi/oauth/revoke', auth: 'basic' },
  },
  sources: {
    authorizationUrl: doc(AUTH_CODE),
    tokenUrl: doc(AUTH_CODE),
    pkce: doc(AUTH_CODE),
    clientAuth: doc(AUTH_CODE),
    tokenRequestEncoding: doc(AUTH_CODE),
    scopeSeparator: doc(AUTH_CODE),
    defaultScopes: doc(AUTH_CODE),
    tokenLifetime: doc(REFRESH),
    refreshToken: doc(REFRESH),
    revocation: doc(REVOKE),
    tokenResponse: doc(AUTH_CODE),
    apiBaseUrl: doc('https://developers.ringcentral.com/api-reference'),
  },
};
