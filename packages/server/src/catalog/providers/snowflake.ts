import { type ProviderEntry, unconfirmed } from '../provider-definition.ts';

export const snowflake: ProviderEntry = {
  slug: 'snowflake',
  name: 'Snowflake',
  description: 'Run queries in a Snowflake account as the connecting user.',
  category: 'cloud',
  docsUrl: 'https://docs.snowflake.com/en/user-guide/oauth-custom',
  logo: 'snowflake',
  authMethods: ['oauth'],
  apiBaseUrl: 'https://${config.account}.snowflakecomputing.com/api/v2',
  configFields: [
    {
      name: 'account',
      label: 'Account identifier',
      description: 'The account part of the Snowflake URL: "myorg-myaccount" or "xy12345.us-east-2.aws".',
      scope: 'integration',
      pattern: '^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$',
      required: true,
      secret: false,
    },
  ],
  oauth: {
    authorizationUrl: 'https://${config.account}.snowflakecomputing.com/oauth/authorize',
    tokenUrl: 'https://${config.account}.snowflakecomputing.com/oauth/token-request',
    pkce: true,
    clientAuth: 'basic',
    defaultScopes: ['refresh_token'],
    metadataFields: ['username'],
  },
  sources: {
    authorizationUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    pkce: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Snowflake security integrations accept code_challenge (OAUTH_ENFORCE_PKCE); not re-confirmed here.',
    ),
    clientAuth: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenRequestEncoding: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    scopeSeparator: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    defaultScopes: unconfirmed(
      'Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: refresh_token asks Snowflake for a refresh token; session:role:<ROLE> can narrow the role.',
    ),
    tokenLifetime: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    refreshToken: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    revocation: unconfirmed(
      "Placeholder: sourced in the catalog format change, step 2 (issue 11). Earlier note: Not confirmed from Snowflake's docs.",
    ),
    apiBaseUrl: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
    tokenResponse: unconfirmed('Placeholder: sourced in the catalog format change, step 2 (issue 11).'),
  },
};
