import { Type } from 'typebox';
import * as EX from './examples.ts';
import { AccountId, ConfigMap, Identifier, Nullable } from './common.ts';

export const AuthorizeBody = Type.Object(
  {
    user_id: Identifier('The user who authorizes (for organization owners: the acting member).'),
    organization_id: Type.Optional(Identifier('Scope the connection to this organization; required for organization owners.')),
    connection_owner: Type.Optional(Type.Enum(['user', 'organization'])),
    return_to: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        description: 'Where the browser goes afterwards; must be on the environment’s allowed origins.',
      }),
    ),
    config: Type.Optional(ConfigMap),
    connection_intent: Type.Optional(
      Type.Enum(['add', 'reauthorize'], { description: 'Extension: `add` another connection, or `reauthorize` connected_account_id.' }),
    ),
    connected_account_id: Type.Optional(AccountId),
  },
  { additionalProperties: false, title: 'AuthorizeBody', examples: [EX.AUTHORIZE] },
);

export const AuthorizeResponse = Type.Object(
  { url: Type.String({ description: 'A single-use link to open in the user’s browser.' }) },
  { title: 'AuthorizeResponse', examples: [EX.AUTHORIZE_RESPONSE] },
);

export const VendBody = Type.Object(
  {
    user_id: Identifier('The user (for organization owners: the member the credential is vended for).'),
    organization_id: Type.Optional(Nullable(Identifier('The organization.'))),
    connected_account_id: Type.Optional(AccountId),
    connection_owner: Type.Optional(Type.Enum(['user', 'organization'])),
    supports_multiple_connections: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, title: 'VendBody', examples: [EX.VEND] },
);

const Inactive = Type.Object(
  { active: Type.Literal(false), error: Type.Enum(['not_installed', 'needs_reauthorization']) },
  { title: 'InactiveConnection' },
);
const Scopes = Type.Array(Type.String());
const Config = Type.Record(Type.String(), Type.String());

export const TokenResponse = Type.Union(
  [
    Type.Object({
      active: Type.Literal(true),
      access_token: Type.Object({
        object: Type.Literal('access_token'),
        access_token: Type.String(),
        expires_at: Nullable(Type.String()),
        scopes: Scopes,
        missing_scopes: Scopes,
      }),
    }),
    Inactive,
  ],
  { title: 'TokenResponse', examples: [EX.TOKEN_RESPONSE, { active: false, error: 'needs_reauthorization' }] },
);

export const CredentialResponse = Type.Union(
  [
    Type.Object({
      active: Type.Literal(true),
      credential: Type.Object({
        object: Type.Literal('credential'),
        auth_method: Type.Enum(['oauth', 'api_key', 'client_credentials']),
        value: Type.String(),
        expires_at: Type.Optional(Nullable(Type.String())),
        scopes: Type.Optional(Scopes),
        missing_scopes: Type.Optional(Scopes),
        metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        config: Config,
      }),
    }),
    Inactive,
  ],
  { title: 'CredentialResponse', examples: [EX.CREDENTIAL_RESPONSE] },
);

export const ClientCredentialsBody = Type.Object(
  {
    user_id: Identifier('The user (for organization owners: the acting member).'),
    organization_id: Type.Optional(Nullable(Identifier('The organization.'))),
    connection_owner: Type.Optional(Type.Enum(['user', 'organization'])),
    client_id: Type.String({ minLength: 1, maxLength: 512 }),
    client_secret: Type.String({
      minLength: 1,
      maxLength: 4096,
      description: 'Stored encrypted; only its last four characters are ever returned.',
    }),
    config: Type.Optional(ConfigMap),
    connection_intent: Type.Optional(Type.Enum(['add', 'reauthorize'])),
    connected_account_id: Type.Optional(AccountId),
  },
  { additionalProperties: false, title: 'ClientCredentialsBody', examples: [EX.CLIENT_CREDENTIALS] },
);
