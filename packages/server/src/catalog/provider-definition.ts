import { Type, type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Slugs are URL path segments and database keys: lowercase, digits and dashes. */
/** The one slug pattern: built-in and custom providers, and every route that takes a slug. */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9_-]{0,62}$';
const SLUG_REGEX = new RegExp(SLUG_PATTERN);
export const isSlug = (value: string): boolean => SLUG_REGEX.test(value);

/**
 * Parameters the OAuth client owns in authorization and token requests: a provider definition that
 * set one of them would break the flow, so the catalog refuses them and the request builders check.
 */
export const RESERVED_OAUTH_PARAMS: ReadonlySet<string> = new Set([
  'client_id',
  'client_secret',
  'redirect_uri',
  'response_type',
  'state',
  'code',
  'code_challenge',
  'code_challenge_method',
  'code_verifier',
  'grant_type',
  'refresh_token',
  'scope',
]);
/** Config field names appear inside `${config.<name>}` placeholders and in API payloads. */
const CONFIG_FIELD_NAME_PATTERN = '^[a-z][a-zA-Z0-9_]{0,63}$';

const AuthMethodSchema = Type.Union([Type.Literal('oauth'), Type.Literal('api_key'), Type.Literal('client_credentials')]);
export type AuthMethod = Static<typeof AuthMethodSchema>;

const ClientAuthMethodSchema = Type.Union([Type.Literal('client_secret_post'), Type.Literal('client_secret_basic')]);
export type ClientAuthMethod = Static<typeof ClientAuthMethodSchema>;

const ConfigFieldSchema = Type.Object(
  {
    name: Type.String({ pattern: CONFIG_FIELD_NAME_PATTERN }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    /** `integration`: pinned on the data integration; `installation`: supplied per connection. */
    scope: Type.Union([Type.Literal('integration'), Type.Literal('installation')]),
    /** Regular-expression source, anchored with `^…$`; values are validated against it before use. */
    pattern: Type.String({ minLength: 2, maxLength: 500 }),
    required: Type.Boolean(),
    secret: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ConfigField = Static<typeof ConfigFieldSchema>;

const ProviderQuirksSchema = Type.Object(
  {
    /** The token endpoint answers errors as `{error, error_description}` with HTTP 200 (GitHub). */
    tokenErrorInOkResponse: Type.Boolean(),
    /** The user token is `authed_user.access_token` rather than the top-level `access_token` (Slack). */
    nestedUserToken: Type.Boolean(),
    /** Dot path of the granted scopes in the token response when it is not `scope`. */
    scopeResponseField: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
    /** Non-secret token-response fields kept as connection metadata. */
    metadataFields: Type.Array(Type.String({ minLength: 1, maxLength: 100 })),
    /** Tokens never expire and no refresh token is issued. */
    accessTokenNeverExpires: Type.Boolean(),
    /** Every refresh returns a new refresh token and invalidates the one that was used. */
    refreshTokenRotates: Type.Boolean(),
  },
  { additionalProperties: false },
);

/**
 * A built-in provider: endpoints, scopes and protocol quirks as plain data.
 * URLs may contain `${config.<field>}` placeholders naming a declared config field.
 *
 * @example
 * const todoist: ProviderDefinition = {
 *   slug: 'todoist', name: 'Todoist', authorizationUrl: 'https://todoist.com/oauth/authorize', …
 * };
 */
export const ProviderDefinitionSchema = Type.Object(
  {
    slug: Type.String({ pattern: SLUG_PATTERN }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 300 }),
    docsUrl: Type.String({ pattern: '^https://', maxLength: 2000 }),
    authMethods: Type.Array(AuthMethodSchema, { minItems: 1, uniqueItems: true }),
    authorizationUrl: Nullable(Type.String({ minLength: 1, maxLength: 2000 })),
    tokenUrl: Nullable(Type.String({ minLength: 1, maxLength: 2000 })),
    /** `null` means refresh at `tokenUrl`. */
    refreshTokenUrl: Nullable(Type.String({ minLength: 1, maxLength: 2000 })),
    revocationUrl: Nullable(Type.String({ minLength: 1, maxLength: 2000 })),
    revocationAuth: Nullable(ClientAuthMethodSchema),
    /** How the revocation request's body is encoded; absent means RFC 7009's form body. JSON bodies carry `token` only. */
    revocationBodyContentType: Type.Optional(
      Type.Union([Type.Literal('application/x-www-form-urlencoded'), Type.Literal('application/json')]),
    ),
    defaultScopes: Type.Array(Type.String({ minLength: 1, maxLength: 300 })),
    scopeSeparator: Type.String({ minLength: 1, maxLength: 3 }),
    pkce: Type.Boolean(),
    clientAuth: ClientAuthMethodSchema,
    tokenBodyContentType: Type.Union([Type.Literal('application/x-www-form-urlencoded'), Type.Literal('application/json')]),
    authorizationParams: Type.Record(Type.String(), Type.String()),
    tokenParams: Type.Record(Type.String(), Type.String()),
    /** RFC 9207 `iss` the provider sends on the callback or advertises in its metadata. */
    issuer: Nullable(Type.String({ pattern: '^https://', maxLength: 2000 })),
    configFields: Type.Array(ConfigFieldSchema),
    quirks: ProviderQuirksSchema,
  },
  { additionalProperties: false },
);
export type ProviderDefinition = Static<typeof ProviderDefinitionSchema>;
