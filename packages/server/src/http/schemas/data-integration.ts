import { idPattern } from '../../core/ids.ts';
import { Type } from 'typebox';
import * as EX from './examples.ts';
import { ClientId, ConfigMap, Identifier, ListMetadata, Nullable, Scopes, SecretString, Timestamp } from './common.ts';
import { ConnectedAccountFields } from './connected-account.ts';

const AuthMethod = Type.Enum(['oauth', 'api_key', 'client_credentials']);
const Ownership = Type.Enum(['user', 'organization']);
const HttpUrl = Type.String({ minLength: 1, maxLength: 2048 });

const CustomProviderFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  authorization_url: HttpUrl,
  token_url: HttpUrl,
  refresh_token_url: Nullable(HttpUrl),
  revocation_url: Nullable(Type.String({ minLength: 1, maxLength: 2048, description: 'Extension: RFC 7009 revocation endpoint.' })),
  issuer: Nullable(
    Type.String({ minLength: 1, maxLength: 2048, description: 'Extension: the RFC 9207 `iss` value callbacks must carry.' }),
  ),
  pkce_enabled: Type.Boolean(),
  request_scope_separator: Type.String({ minLength: 1, maxLength: 3 }),
  scopes_required: Type.Boolean(),
  client_secret_required: Type.Boolean(),
  additional_authorization_parameters: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1000 }), {
    maxProperties: 30,
  }),
  token_body_content_type: Type.String({ maxLength: 100 }),
  authenticate_via: Type.Enum(['request_body', 'basic_auth_header']),
  api_base_url: Nullable(
    Type.String({ minLength: 1, maxLength: 2048, description: 'Extension: the API base URL `/proxy/{slug}/…` calls go to.' }),
  ),
};

export const CustomProviderInput = Type.Object(
  Object.fromEntries(Object.entries(CustomProviderFields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof typeof CustomProviderFields]: ReturnType<typeof Type.Optional<(typeof CustomProviderFields)[K]>>;
  },
  { additionalProperties: false },
);

export const CustomProviderOutput = Type.Object(
  {
    name: Type.String(),
    authorization_url: Nullable(Type.String()),
    token_url: Nullable(Type.String()),
    refresh_token_url: Nullable(Type.String()),
    revocation_url: Nullable(Type.String()),
    issuer: Nullable(Type.String()),
    pkce_enabled: Type.Boolean(),
    request_scope_separator: Type.String(),
    scopes_required: Type.Boolean(),
    client_secret_required: Type.Boolean(),
    additional_authorization_parameters: Type.Record(Type.String(), Type.String()),
    token_body_content_type: Type.String(),
    authenticate_via: Type.String(),
    api_base_url: Nullable(Type.String()),
  },
  { title: 'CustomProvider' },
);

const CredentialsInput = Type.Object(
  {
    type: Type.Enum(['custom', 'organization']),
    client_id: Type.Optional(ClientId),
    client_secret: Type.Optional(SecretString('OAuth client secret; stored encrypted, never returned.')),
  },
  { additionalProperties: false },
);

/** OpenPipes' own field (not in the WorkOS shape). */
const TokenLifetime = Nullable(
  Type.Integer({
    minimum: 60,
    maximum: 315_360_000,
    description:
      "Extension: seconds an access token is assumed to live when the token response has no expires_in (null: the provider's lifetime from the catalog). Not for api_key integrations or providers whose tokens never expire.",
  }),
);

const ApiKeyInstallInput = Type.Object(
  {
    secret: SecretString('The tenant API key.'),
    user_id: Identifier('The user.'),
    organization_id: Type.Optional(Nullable(Identifier('The organization.'))),
  },
  { additionalProperties: false },
);

export const CreateDataIntegrationBody = Type.Object(
  {
    provider: Type.String({ minLength: 1, maxLength: 63 }),
    ownership: Type.Optional(Ownership),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    enabled: Type.Optional(Type.Boolean()),
    scopes: Type.Optional(Nullable(Scopes)),
    auth_methods: Type.Optional(Type.Array(AuthMethod, { minItems: 1, maxItems: 3 })),
    config: Type.Optional(ConfigMap),
    credentials: Type.Optional(CredentialsInput),
    api_key: Type.Optional(ApiKeyInstallInput),
    custom_provider: Type.Optional(CustomProviderInput),
    token_lifetime_seconds: Type.Optional(TokenLifetime),
  },
  { additionalProperties: false, title: 'CreateDataIntegrationBody', examples: [EX.CREATE_DATA_INTEGRATION] },
);

export const UpdateDataIntegrationBody = Type.Object(
  {
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    enabled: Type.Optional(Type.Boolean()),
    scopes: Type.Optional(Nullable(Scopes)),
    credentials: Type.Optional(CredentialsInput),
    api_key: Type.Optional(ApiKeyInstallInput),
    custom_provider: Type.Optional(CustomProviderInput),
    token_lifetime_seconds: Type.Optional(TokenLifetime),
  },
  { additionalProperties: false, title: 'UpdateDataIntegrationBody', examples: [EX.UPDATE_DATA_INTEGRATION] },
);

/**
 * `installation`: the connection made with the integration, answered with some of its connected account's fields.
 * Its `connection_role` has always been documented as a plain string, so that one is not the account's enum.
 */
export const InstallationOutput = Type.Object(
  {
    id: ConnectedAccountFields.id,
    connection_role: Type.String(),
    account_identifier: ConnectedAccountFields.account_identifier,
    account_display_name: ConnectedAccountFields.account_display_name,
    user_id: ConnectedAccountFields.user_id,
    organization_id: ConnectedAccountFields.organization_id,
    api_key_last_4: ConnectedAccountFields.api_key_last_4,
  },
  { title: 'Installation' },
);

export const DataIntegration = Type.Object(
  {
    object: Type.Literal('data_integration'),
    id: Type.String(),
    slug: Type.String(),
    integration_type: Type.String(),
    ownership: Ownership,
    description: Nullable(Type.String()),
    enabled: Type.Boolean(),
    state: Type.Enum(['valid', 'invalid', 'requested']),
    scopes: Nullable(Type.Array(Type.String())),
    redirect_uri: Type.String(),
    auth_methods: Type.Array(AuthMethod),
    credentials: Nullable(
      Type.Object({
        type: Type.Enum(['custom', 'organization']),
        client_id: Nullable(Type.String()),
        redacted_client_secret: Nullable(Type.String()),
      }),
    ),
    installation: Type.Optional(Nullable(InstallationOutput)),
    config: Type.Record(Type.String(), Type.String()),
    custom_provider: Nullable(CustomProviderOutput),
    token_lifetime_seconds: TokenLifetime,
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'DataIntegration', examples: [EX.DATA_INTEGRATION] },
);

export const ListDataIntegrationsQuery = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1–100, default 10.' })),
    before: Type.Optional(Type.String({ pattern: idPattern('integration') })),
    after: Type.Optional(Type.String({ pattern: idPattern('integration') })),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    ownership: Type.Optional(Ownership),
  },
  { additionalProperties: false },
);

export const DataIntegrationList = Type.Object(
  { object: Type.Literal('list'), data: Type.Array(DataIntegration), list_metadata: ListMetadata },
  { title: 'DataIntegrationList', examples: [EX.list(EX.DATA_INTEGRATION)] },
);
