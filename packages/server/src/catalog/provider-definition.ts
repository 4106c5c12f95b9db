import { Type, type Static, type TSchema } from 'typebox';
import { SourcesSchema, type Sources } from './provider-sources.ts';

export { CATALOG_REVIEW_DATE, doc, type FactName, type Source, type Sources, unconfirmed } from './provider-sources.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The one slug pattern: built-in and custom providers, and every route that takes a slug (URL path segments, database keys). */
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

export const CATEGORIES = [
  'crm',
  'support',
  'communication',
  'calendar-email',
  'files',
  'project-management',
  'docs-design',
  'accounting',
  'hr-payroll',
  'ecommerce',
  'payments',
  'marketing',
  'social',
  'developer',
  'cloud',
  'ai',
  'messaging',
  'monitoring',
  'analytics',
  'productivity',
  'identity',
] as const;
export type Category = (typeof CATEGORIES)[number];

const AuthMethodSchema = Type.Union([Type.Literal('oauth'), Type.Literal('api_key'), Type.Literal('client_credentials')]);
export type AuthMethod = Static<typeof AuthMethodSchema>;

/** How the engine authenticates the client today (derived from `oauth.clientAuth`: body, basic, both). */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'client_secret_both';

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
    /**
     * `host`: a host name (region, sandbox, My Domain), its pattern keeps it under the entry's `hosts`;
     * `baseUrl`: an https base URL the operator pins on the integration (self-managed GitLab), exempt from
     * `hosts` but checked by the outbound address guard. Absent means `text`.
     */
    kind: Type.Optional(Type.Union([Type.Literal('text'), Type.Literal('host'), Type.Literal('baseUrl')])),
    /**
     * The value a URL placeholder takes when the connection and the integration give none (Salesforce's
     * production login host, gitlab.com): lets a host variant be optional, so connections made before the
     * field existed keep resolving. Must match `pattern`; not allowed on secret fields.
     */
    default: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ConfigField = Static<typeof ConfigFieldSchema>;

const UrlTemplate = Type.String({ minLength: 1, maxLength: 2000 });
const Scope = Type.String({ minLength: 1, maxLength: 300 });
const Params = Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.String({ maxLength: 2000 }));
const ResponseField = Type.String({ minLength: 1, maxLength: 100 });
const HeaderName = Type.String({ pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$" });
const Template = Type.String({ minLength: 1, maxLength: 500 });

const RevocationSchema = Type.Object(
  {
    /** May hold `${client_id}` and `${config.<field>}`. */
    url: UrlTemplate,
    method: Type.Optional(Type.Enum(['POST', 'DELETE'] as const)),
    /** `bearer`: the token being revoked as the Bearer credential. */
    auth: Type.Optional(Type.Enum(['body', 'basic', 'bearer', 'none'] as const)),
    encoding: Type.Optional(Type.Enum(['form', 'json', 'none'] as const)),
    tokenField: Type.Optional(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$' })),
    /** Extra body fields; values may hold `${client_id}` and `${client_secret}` (Miro's camel-case fields). */
    body: Type.Optional(Params),
  },
  { additionalProperties: false },
);

const OAuthSchema = Type.Object(
  {
    /** `null` for client_credentials-only providers. */
    authorizationUrl: Nullable(UrlTemplate),
    tokenUrl: UrlTemplate,
    refreshTokenUrl: Type.Optional(UrlTemplate),
    pkce: Type.Optional(Type.Boolean()),
    /** `both`: Basic header AND client id/secret in the body. */
    clientAuth: Type.Optional(Type.Enum(['body', 'basic', 'both'] as const)),
    tokenRequestEncoding: Type.Optional(Type.Enum(['form', 'json', 'query'] as const)),
    redirectUriOnRefresh: Type.Optional(Type.Boolean()),
    scopeSeparator: Type.Optional(Type.String({ minLength: 1, maxLength: 3 })),
    defaultScopes: Type.Optional(Type.Array(Scope)),
    /** A requested scope → the names the provider may grant it as. */
    scopeAliases: Type.Optional(Type.Record(Scope, Type.Array(Scope, { minItems: 1 }))),
    authorizationParams: Type.Optional(Params),
    tokenParams: Type.Optional(Params),
    /** RFC 9207 `iss` the provider sends on the callback or advertises in its metadata. */
    issuer: Type.Optional(Nullable(Type.String({ pattern: '^https://', maxLength: 2000 }))),
    /** Lifetime assumed when a token response has no `expires_in`. */
    tokenLifetimeSeconds: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10 * 365 * 24 * 3600 }))),
    /** Tokens never expire and no refresh token is issued. */
    accessTokenNeverExpires: Type.Optional(Type.Boolean()),
    /** Every refresh returns a new refresh token and invalidates the one that was used. */
    refreshTokenRotates: Type.Optional(Type.Boolean()),
    /** The token endpoint answers errors as `{error, error_description}` with HTTP 200 (GitHub). */
    tokenErrorInOkResponse: Type.Optional(Type.Boolean()),
    /** The user token is `authed_user.access_token` rather than the top-level `access_token` (Slack). */
    nestedUserToken: Type.Optional(Type.Boolean()),
    /** Dot path of the granted scopes in the token response when it is not `scope`. */
    scopeResponseField: Type.Optional(Nullable(ResponseField)),
    /** Non-secret token-response fields kept as connection metadata. */
    metadataFields: Type.Optional(Type.Array(ResponseField)),
    /** Callback query parameters kept on the connection as public config. */
    callbackParams: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$' }))),
    revocation: Type.Optional(Nullable(RevocationSchema)),
  },
  { additionalProperties: false },
);

const ApiKeySchema = Type.Object(
  {
    /** The key (secret) and any account id etc., all of scope `installation`. */
    fields: Type.Array(ConfigFieldSchema, { minItems: 1 }),
    /** Templates use `${<fieldName>}` of `fields`. */
    presentation: Type.Union([
      Type.Object(
        {
          type: Type.Literal('header'),
          name: HeaderName,
          scheme: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' })),
          value: Type.Optional(Template),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        { type: Type.Literal('query'), name: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' }), value: Type.Optional(Template) },
        { additionalProperties: false },
      ),
      Type.Object(
        { type: Type.Literal('basic'), username: Template, password: Type.String({ maxLength: 500 }) },
        { additionalProperties: false },
      ),
    ]),
    extraHeaders: Type.Optional(Type.Record(HeaderName, Template)),
  },
  { additionalProperties: false },
);

/**
 * A built-in provider as written in `providers/<slug>.ts`: only what differs from the defaults, plus the
 * source of every fact (the format is described in docs/providers.md). URLs may hold `${config.<field>}`.
 * The catalog validates it and fills the defaults (`normalizeProviderEntry`).
 *
 * @example
 * export const example: ProviderEntry = {
 *   slug: 'example', name: 'Example', description: 'Access … in Example.', category: 'crm',
 *   docsUrl: 'https://developer.example.com/docs/oauth', authMethods: ['oauth'],
 *   apiBaseUrl: 'https://api.example.com/v1',
 *   oauth: { authorizationUrl: 'https://example.com/oauth/authorize', tokenUrl: 'https://example.com/oauth/token' },
 *   sources: { tokenUrl: doc('https://developer.example.com/docs/oauth#token'), … },
 * };
 */
export const ProviderEntrySchema = Type.Object(
  {
    slug: Type.String({ pattern: SLUG_PATTERN }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 300 }),
    category: Type.Enum(CATEGORIES),
    docsUrl: Type.String({ pattern: '^https://', maxLength: 2000 }),
    /** A simple-icons slug; `null` or absent: a generated monogram. */
    logo: Type.Optional(Nullable(Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,99}$' }))),
    authMethods: Type.Array(AuthMethodSchema, { minItems: 1, uniqueItems: true }),
    /** May hold `${config.<field>}`; `null` when the provider has no REST API base. */
    apiBaseUrl: Nullable(UrlTemplate),
    /** Allowed host suffixes for every resolved URL; absent: the registrable suffixes of the entry's own URLs. */
    hosts: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$' }), { minItems: 1 }),
    ),
    configFields: Type.Optional(Type.Array(ConfigFieldSchema)),
    oauth: Type.Optional(OAuthSchema),
    apiKey: Type.Optional(ApiKeySchema),
    sources: SourcesSchema,
  },
  { additionalProperties: false },
);

/** The input form of a built-in provider (see `ProviderEntrySchema`). */
export type ProviderEntry = Static<typeof ProviderEntrySchema>;
export type OAuthInput = Static<typeof OAuthSchema>;
export type RevocationInput = Static<typeof RevocationSchema>;
export type ApiKeySettings = Static<typeof ApiKeySchema>;

/** `oauth.revocation` with every default filled (RFC 7009 when nothing is set). */
export type RevocationSettings = Required<RevocationInput>;
/** The `oauth` block with every default filled; `refreshTokenUrl` is the token URL when the entry sets none. */
export type OAuthSettings = { [K in keyof Omit<OAuthInput, 'revocation'>]-?: Exclude<OAuthInput[K], undefined> } & {
  revocation: RevocationSettings | null;
};

/** Token-response quirks as the engine reads them (derived from `oauth`). */
export interface ProviderQuirks {
  tokenErrorInOkResponse: boolean;
  nestedUserToken: boolean;
  scopeResponseField: string | null;
  metadataFields: string[];
  accessTokenNeverExpires: boolean;
  refreshTokenRotates: boolean;
}

/**
 * A provider as the engine reads it: a built-in entry with its defaults filled, or a custom provider.
 * The flat OAuth fields below `sources` are derived from `oauth` in one place (`engineFields`) and
 * keep the request builders' current names; `oauth` holds every fact in the catalog's own terms.
 */
export interface ProviderDefinition {
  slug: string;
  name: string;
  description: string;
  docsUrl: string;
  /** `null` for custom providers. */
  category: Category | null;
  /** A simple-icons slug, or `null` for a monogram. */
  logo: string | null;
  authMethods: AuthMethod[];
  apiBaseUrl: string | null;
  /** The allowed host suffixes (explicit or derived); empty for custom providers. */
  hosts: string[];
  configFields: ConfigField[];
  oauth: OAuthSettings | null;
  apiKey: ApiKeySettings | null;
  sources: Sources;
  authorizationUrl: string | null;
  tokenUrl: string | null;
  /** `null` means refresh at `tokenUrl`. */
  refreshTokenUrl: string | null;
  revocationUrl: string | null;
  revocationAuth: ClientAuthMethod | null;
  /** How the revocation request's body is encoded; absent means RFC 7009's form body. JSON bodies carry `token` only. */
  revocationBodyContentType?: 'application/x-www-form-urlencoded' | 'application/json';
  defaultScopes: string[];
  scopeSeparator: string;
  pkce: boolean;
  clientAuth: ClientAuthMethod;
  tokenBodyContentType: 'application/x-www-form-urlencoded' | 'application/json';
  authorizationParams: Record<string, string>;
  tokenParams: Record<string, string>;
  issuer: string | null;
  quirks: ProviderQuirks;
}
