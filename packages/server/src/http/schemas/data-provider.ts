import { Type } from 'typebox';
import * as EX from './examples.ts';
import { BooleanString, Identifier, Nullable, Timestamp } from './common.ts';
import { EmbeddedConnectedAccount } from './connected-account.ts';

export const DataProvider = Type.Object(
  {
    object: Type.Literal('data_provider'),
    id: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    slug: Type.String(),
    integration_type: Type.String(),
    credentials_type: Type.Enum(['oauth2', 'api_key', 'client_credentials']),
    scopes: Nullable(Type.Array(Type.String())),
    auth_methods: Type.Array(Type.String()),
    connection_owner: Type.Enum(['user', 'organization']),
    ownership: Type.Enum(['userland_user', 'organization']),
    created_at: Timestamp,
    updated_at: Timestamp,
    connected_account: Nullable(EmbeddedConnectedAccount),
    connected_accounts: Type.Array(EmbeddedConnectedAccount),
  },
  { title: 'DataProvider', examples: [EX.DATA_PROVIDER] },
);

export const DataProviderList = Type.Object(
  { object: Type.Literal('list'), data: Type.Array(DataProvider) },
  { title: 'DataProviderList', examples: [EX.list(EX.DATA_PROVIDER, false)] },
);

export const UserProvidersQuery = Type.Object(
  {
    organization_id: Type.Optional(Identifier('Apply this organization’s overrides and scope connections to it.')),
    supports_multiple_connections: Type.Optional(BooleanString),
  },
  { additionalProperties: false },
);

export const OrgProvidersQuery = Type.Object(
  { supports_multiple_connections: Type.Optional(BooleanString) },
  { additionalProperties: false },
);
