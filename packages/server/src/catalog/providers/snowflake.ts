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
    authorizationUrl: unconfirmed(
      "https://<account>.snowflakecomputing.com/oauth/authorize per https://docs.snowflake.com/en/user-guide/oauth-custom (the entry's docs page); not in the stored copies checked today.",
    ),
    tokenUrl: unconfirmed(
      'https://<account>.snowflakecomputing.com/oauth/token-request per https://docs.snowflake.com/en/user-guide/oauth-custom; not in the stored copies checked today.',
    ),
    pkce: unconfirmed(
      'Snowflake security integrations accept code_challenge (OAUTH_ENFORCE_PKCE); not re-confirmed today. Kept on, as before.',
    ),
    clientAuth: unconfirmed(
      'Basic client authentication at the token endpoint, as before; not re-confirmed from https://docs.snowflake.com/en/user-guide/oauth-custom today.',
    ),
    tokenRequestEncoding: unconfirmed('Form body, the RFC 6749 default; not re-confirmed today.'),
    scopeSeparator: unconfirmed('Space, the RFC 6749 default; not re-confirmed today.'),
    defaultScopes: unconfirmed(
      'refresh_token asks Snowflake for a refresh token; session:role:<ROLE> can narrow the role. Not re-confirmed today.',
    ),
    tokenLifetime: unconfirmed('The token response carries expires_in (access tokens are short-lived); not re-confirmed today.'),
    refreshToken: unconfirmed(
      'Refresh tokens only when the security integration issues them (OAUTH_ISSUE_REFRESH_TOKENS); rotation not documented, assumed not.',
    ),
    revocation: unconfirmed("No RFC 7009 revocation endpoint found in Snowflake's OAuth docs; none is used."),
    apiBaseUrl: unconfirmed(
      "The SQL API at https://<account>.snowflakecomputing.com/api/v2 (Snowflake's SQL API guide); not re-read today.",
    ),
    tokenResponse: unconfirmed('username (the Snowflake login name) is kept as metadata, as before; not re-confirmed today.'),
  },
};
