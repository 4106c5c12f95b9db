import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const AUTH = 'https://developer.capsulecrm.com/v2/overview/authentication';

export const capsule: ProviderEntry = {
  slug: 'capsule',
  name: 'Capsule CRM',
  description: 'Read and update contacts, opportunities, projects and tasks in a Capsule CRM account.',
  category: 'crm',
  docsUrl: AUTH,
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.capsulecrm.com/api/v2',
  oauth: {
    authorizationUrl: 'https://api.capsulecrm.com/oauth/authorise',
    tokenUrl: 'https://api.capsulecrm.com/oauth/token',
    defaultScopes: ['read'],
    metadataFields: ['subdomain'],
    revocation: { url: 'https://api.capsulecrm.com/oauth/token/revoke' },
  },
  sources: {
    authorizationUrl: doc(AUTH),
    tokenUrl: doc(AUTH),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(AUTH),
    tokenRequestEncoding: doc('https://developer.capsulecrm.com/v2/overview/basic-auth-migrate'),
    scopeSeparator: doc(AUTH),
    defaultScopes: doc(AUTH),
    tokenLifetime: doc(AUTH),
    refreshToken: unconfirmed('A refresh token is returned; whether it rotates is not stated, so rotation is not assumed.'),
    revocation: doc(AUTH),
    tokenResponse: doc('https://developer.capsulecrm.com/v2/overview/basic-auth-migrate'),
    apiBaseUrl: doc(AUTH),
  },
};
