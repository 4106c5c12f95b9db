import type { ProviderDefinition } from '../provider-definition.ts';

export const snowflake: ProviderDefinition = {
  slug: 'snowflake',
  name: 'Snowflake',
  description: 'Run queries in a Snowflake account as the connecting user.',
  docsUrl: 'https://docs.snowflake.com/en/user-guide/oauth-custom',
  authMethods: ['oauth'],
  authorizationUrl: 'https://${config.account}.snowflakecomputing.com/oauth/authorize',
  tokenUrl: 'https://${config.account}.snowflakecomputing.com/oauth/token-request',
  refreshTokenUrl: null,
  // Not confirmed from Snowflake's docs.
  revocationUrl: null,
  revocationAuth: null,
  // refresh_token asks Snowflake for a refresh token; session:role:<ROLE> can narrow the role.
  defaultScopes: ['refresh_token'],
  scopeSeparator: ' ',
  // Snowflake security integrations accept code_challenge (OAUTH_ENFORCE_PKCE); not re-confirmed here.
  pkce: true,
  clientAuth: 'client_secret_basic',
  tokenBodyContentType: 'application/x-www-form-urlencoded',
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
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
  quirks: {
    tokenErrorInOkResponse: false,
    nestedUserToken: false,
    scopeResponseField: null,
    metadataFields: ['username'],
    accessTokenNeverExpires: false,
    refreshTokenRotates: false,
  },
};
