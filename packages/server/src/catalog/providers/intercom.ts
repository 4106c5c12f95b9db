import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const intercom: ProviderEntry = {
  slug: 'intercom',
  name: 'Intercom',
  description: 'Access conversations and contacts in an Intercom workspace.',
  category: 'support',
  docsUrl: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
  logo: 'intercom',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://api.intercom.io',
  oauth: {
    authorizationUrl: 'https://app.intercom.com/oauth',
    tokenUrl: 'https://api.intercom.io/auth/eagle/token',
    accessTokenNeverExpires: true,
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenUrl: unconfirmed(
      "Placeholder: checked by the engine change (issue 11). Earlier note: US region; EU and AU workspaces use regional API hosts. Path not re-confirmed from Intercom's page.",
    ),
    pkce: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    clientAuth: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: checked by the engine change (issue 11). Earlier note: Permissions are chosen on the app in the Developer Hub, not requested per authorization.',
    ),
    tokenLifetime: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    refreshToken: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    revocation: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
    apiBaseUrl: unconfirmed('Placeholder: checked by the engine change (issue 11).'),
  },
};
