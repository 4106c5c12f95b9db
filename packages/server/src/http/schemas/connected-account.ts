import { type TSchema, Type } from 'typebox';
import * as EX from './examples.ts';
import { AccountId, BooleanString, ConfigMap, Identifier, Nullable, Scopes, SecretString, Timestamp } from './common.ts';

/** A connected account's answer fields, one schema each (the data-integration `installation` reuses some). */
export const ConnectedAccountFields = {
  object: Type.Literal('connected_account'),
  id: Type.String(),
  connection_role: Type.Enum(['compatibility', 'standard']),
  account_identifier: Nullable(Type.String()),
  account_display_name: Nullable(Type.String()),
  user_id: Nullable(Type.String()),
  organization_id: Nullable(Type.String()),
  scopes: Type.Array(Type.String()),
  auth_method: Type.Enum(['oauth', 'api_key', 'client_credentials']),
  api_key_last_4: Nullable(Type.String()),
  client_id: Nullable(Type.String()),
  client_secret_last_4: Nullable(Type.String()),
  config: Type.Record(Type.String(), Type.String()),
  state: Type.Enum(['connected', 'needs_reauthorization', 'disconnected']),
  created_at: Timestamp,
  updated_at: Timestamp,
};

/** `Nullable` with a description of the field (Timestamp carries only the format's). */
const NullableWith = <T extends TSchema>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description });

/**
 * A connection's activity and health (issue 12), added where its own row is read; not in the
 * provider listings, whose cached answers these writes deliberately leave valid.
 */
export const ConnectedAccountActivityFields = {
  last_refreshed_at: NullableWith(Timestamp, 'When its tokens were last renewed; null: not since it was connected.'),
  last_used_at: NullableWith(
    Timestamp,
    'When a vend (or proxied call) last used it, to within about 10 seconds (recorded in batches); null: never.',
  ),
  last_health_check_at: NullableWith(Timestamp, 'When the health scheduler last checked it; null: never.'),
  last_health_check_result: NullableWith(
    Type.Enum(['ok', 'temporary_failure', 'needs_reauthorization']),
    'What that check found; `temporary_failure` leaves the connection as it was.',
  ),
};

export const ConnectedAccount = Type.Object(
  { ...ConnectedAccountFields, ...ConnectedAccountActivityFields },
  { title: 'ConnectedAccount', examples: [EX.CONNECTED_ACCOUNT] },
);
/** The provider-list embedded form adds the deprecated `userland_user_id` alias (and not the activity fields). */
export const EmbeddedConnectedAccount = Type.Object(
  { ...ConnectedAccountFields, userland_user_id: Nullable(Type.String()) },
  { title: 'EmbeddedConnectedAccount' },
);

export const UserAccountQuery = Type.Object(
  {
    organization_id: Type.Optional(Identifier('Scope the connection to this organization.')),
    supports_multiple_connections: Type.Optional(BooleanString),
    connected_account_id: Type.Optional(AccountId),
  },
  { additionalProperties: false },
);

export const UserAccountUpdateQuery = Type.Object(
  {
    organization_id: Type.Optional(Identifier('Scope the connection to this organization.')),
    supports_multiple_connections: Type.Optional(BooleanString),
    connected_account_id: Type.Optional(AccountId),
    connection_intent: Type.Optional(Type.Enum(['reauthorize'])),
  },
  { additionalProperties: false },
);

export const UserImportQuery = Type.Object(
  { organization_id: Type.Optional(Identifier('Scope the connection to this organization.')) },
  { additionalProperties: false },
);

export const OrgAccountQuery = Type.Object(
  { supports_multiple_connections: Type.Optional(BooleanString), connected_account_id: Type.Optional(AccountId) },
  { additionalProperties: false },
);

export const OrgAccountUpdateQuery = Type.Object(
  {
    supports_multiple_connections: Type.Optional(BooleanString),
    connected_account_id: Type.Optional(AccountId),
    connection_intent: Type.Optional(Type.Enum(['reauthorize'])),
  },
  { additionalProperties: false },
);

const Token = SecretString('A provider token; stored encrypted, only returned by token vending.');
const TokenFields = {
  access_token: Type.Optional(Token),
  refresh_token: Type.Optional(Token),
  expires_at: Type.Optional(Type.String({ maxLength: 40, description: 'ISO-8601 expiry of access_token.' })),
  scopes: Type.Optional(Scopes),
  state: Type.Optional(Type.Enum(['connected', 'needs_reauthorization'])),
};

export const UserImportBody = Type.Object(
  { ...TokenFields, connection_intent: Type.Optional(Type.Enum(['add'])) },
  { additionalProperties: false, title: 'UserImportBody', examples: [EX.IMPORT_TOKENS] },
);
export const UserUpdateBody = Type.Object(TokenFields, {
  additionalProperties: false,
  title: 'UserUpdateBody',
  examples: [EX.UPDATE_TOKENS],
});
export const OrgImportBody = Type.Object(
  {
    ...TokenFields,
    user_id: Identifier('The active member importing on the organization’s behalf.'),
    connection_intent: Type.Optional(Type.Enum(['add'])),
  },
  { additionalProperties: false, title: 'OrgImportBody', examples: [{ ...EX.IMPORT_TOKENS, user_id: 'user_123' }] },
);
export const OrgUpdateBody = Type.Object(
  { ...TokenFields, user_id: Type.Optional(Identifier('The acting member.')) },
  { additionalProperties: false, title: 'OrgUpdateBody', examples: [{ ...EX.UPDATE_TOKENS, user_id: 'user_123' }] },
);

export const ApiKeyConnectionBody = Type.Object(
  {
    user_id: Identifier('The user (for organization owners: the acting member).'),
    organization_id: Type.Optional(Nullable(Identifier('The organization.'))),
    connection_owner: Type.Optional(Type.Enum(['user', 'organization'])),
    secret: SecretString('The API key; stored encrypted, only returned by credential vending.'),
    connection_intent: Type.Optional(Type.Enum(['add', 'reauthorize'])),
    connected_account_id: Type.Optional(AccountId),
  },
  { additionalProperties: false, title: 'ApiKeyConnectionBody', examples: [EX.API_KEY_CONNECTION] },
);

export { ConfigMap };
