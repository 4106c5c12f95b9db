import { Type } from 'typebox';
import { ClientId, ConfigMap, Nullable, Scopes, SecretString } from '../schemas/common.ts';

/**
 * Request schemas of the widget routes (widgets-api.md §5): exactly the keys the 1.18.0 widgets
 * send, nothing else (an unknown key is a 400, §10). Slugs are REST's `SlugParams`. The routes stay
 * out of the OpenAPI document.
 */

export const InstallationParams = Type.Object(
  { installationId: Type.String({ pattern: '^[A-Za-z0-9_]{1,128}$' }) },
  { additionalProperties: false },
);

/** W5: `{"requireHandoff":true}` or `{"requireHandoff":true,"config":{…}}`. */
export const AuthorizeBody = Type.Object(
  { requireHandoff: Type.Optional(Type.Boolean()), config: Type.Optional(ConfigMap) },
  { additionalProperties: false },
);

/** W13: `{"config":{…}}`, `{}` when there are no fields. */
export const OrganizationAuthorizeBody = Type.Object({ config: Type.Optional(ConfigMap) }, { additionalProperties: false });

/** W6, W14. */
export const ApiKeyBody = Type.Object({ secret: SecretString('The API key.') }, { additionalProperties: false });

/** W7, W15: `config` only when the user edited a config field, and then whole. */
export const ClientCredentialsBody = Type.Object(
  { client_id: ClientId, client_secret: SecretString('The client secret.'), config: Type.Optional(ConfigMap) },
  { additionalProperties: false },
);

/** W10, W12: any subset; the dialog always sends `enabled`. */
export const ConfigurationBody = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    scopes: Type.Optional(Nullable(Scopes)),
    client_id: Type.Optional(ClientId),
    client_secret: Type.Optional(SecretString('The organization’s OAuth client secret.')),
    config: Type.Optional(ConfigMap),
  },
  { additionalProperties: false },
);
