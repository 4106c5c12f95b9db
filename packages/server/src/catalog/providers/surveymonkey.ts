import { doc, type ProviderEntry, unconfirmed } from '../provider-definition.ts';

const DOCS = 'https://api.surveymonkey.com/v3/docs';

export const surveymonkey: ProviderEntry = {
  slug: 'surveymonkey',
  name: 'SurveyMonkey',
  description: 'Read surveys, collectors and responses from a SurveyMonkey account.',
  category: 'productivity',
  docsUrl: DOCS,
  logo: 'surveymonkey',
  authMethods: ['oauth'],
  // US data center; EU and Canadian accounts use separate apps and hosts, not modelled here.
  apiBaseUrl: 'https://api.surveymonkey.com/v3',
  oauth: {
    authorizationUrl: 'https://api.surveymonkey.com/oauth/authorize',
    tokenUrl: 'https://api.surveymonkey.com/oauth/token',
    accessTokenNeverExpires: true,
    // The API host of the account's data center.
    metadataFields: ['access_url'],
  },
  sources: {
    authorizationUrl: doc(DOCS),
    tokenUrl: doc(DOCS),
    pkce: unconfirmed('Not documented; PKCE off (conservative).'),
    clientAuth: doc(DOCS),
    tokenRequestEncoding: doc(DOCS),
    scopeSeparator: unconfirmed('Scopes are configured on the app rather than requested; the OAuth default (space) is kept.'),
    defaultScopes: doc(DOCS),
    // Long-lived access tokens; no refresh token.
    tokenLifetime: doc(DOCS),
    refreshToken: doc(DOCS),
    revocation: unconfirmed('No revocation endpoint is documented; left unset.'),
    tokenResponse: doc(DOCS),
    hosts: unconfirmed('Only the US data center (surveymonkey.com) is modelled; EU and CA apps are registered on separate portals.'),
    apiBaseUrl: doc(DOCS),
  },
};
