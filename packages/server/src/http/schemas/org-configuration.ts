import { Type } from 'typebox';
import * as EX from './examples.ts';
import { ClientId, ConfigMap, Nullable, Scopes, SecretString, Timestamp } from './common.ts';

export const DataIntegrationConfiguration = Type.Object(
  {
    object: Type.Literal('data_integration_configuration'),
    id: Type.String(),
    organization_id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    enabled: Type.Boolean(),
    scopes: Nullable(Type.Array(Type.String())),
    config: Type.Record(Type.String(), Type.String()),
    created_at: Timestamp,
    updated_at: Timestamp,
    credentials: Type.Optional(
      Type.Object({
        credentials_type: Type.Enum(['shared', 'custom', 'organization']),
        has_credentials: Type.Boolean(),
        client_id: Nullable(Type.String()),
        client_secret_last_four: Nullable(Type.String()),
        redirect_uri: Type.String(),
      }),
    ),
  },
  { title: 'DataIntegrationConfiguration', examples: [EX.ORG_CONFIGURATION] },
);

export const DataIntegrationConfigurationList = Type.Object(
  { object: Type.Literal('list'), data: Type.Array(DataIntegrationConfiguration) },
  { title: 'DataIntegrationConfigurationList', examples: [EX.list(EX.ORG_CONFIGURATION, false)] },
);

export const ConfigureOrganizationBody = Type.Object(
  {
    enabled: Type.Optional(Nullable(Type.Boolean())),
    scopes: Type.Optional(Nullable(Scopes)),
    client_id: Type.Optional(ClientId),
    client_secret: Type.Optional(SecretString('The organization’s OAuth client secret; stored encrypted, never returned.')),
    config: Type.Optional(ConfigMap),
  },
  { additionalProperties: false, title: 'ConfigureOrganizationBody', examples: [EX.CONFIGURE_ORGANIZATION] },
);
