import { Type, type Static } from 'typebox';

/**
 * The facts a catalog entry states about its provider, each of which carries a source (`sources`).
 * `tokenLifetime` covers `tokenLifetimeSeconds` and `accessTokenNeverExpires`; `refreshToken` covers refresh
 * support and `refreshTokenRotates`; `tokenResponse` covers the response's shape quirks (errors in a 200,
 * nested user token, scope field, metadata fields).
 */
export const FACT_NAMES = [
  'authorizationUrl',
  'tokenUrl',
  'refreshTokenUrl',
  'pkce',
  'clientAuth',
  'tokenRequestEncoding',
  'redirectUriOnRefresh',
  'scopeSeparator',
  'defaultScopes',
  'scopeAliases',
  'tokenLifetime',
  'refreshToken',
  'revocation',
  'callbackParams',
  'tokenResponse',
  'hosts',
  'issuer',
  'apiBaseUrl',
  'apiKey',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** Facts every entry with an `oauth` block must source (`authorizationUrl` only when it is not null). */
export const REQUIRED_OAUTH_FACTS: readonly FactName[] = [
  'authorizationUrl',
  'tokenUrl',
  'pkce',
  'clientAuth',
  'tokenRequestEncoding',
  'scopeSeparator',
  'defaultScopes',
  'tokenLifetime',
  'refreshToken',
  'revocation',
  'apiBaseUrl',
];
/** Facts every entry with an `apiKey` block must source. */
export const REQUIRED_API_KEY_FACTS: readonly FactName[] = ['apiKey', 'apiBaseUrl'];

const Checked = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

export const SourceSchema = Type.Union([
  /** The provider's own documentation (or official changelog or API reference) states the fact. */
  Type.Object({ url: Type.String({ pattern: '^https://[^\\s]+$', maxLength: 2000 }), checked: Checked }, { additionalProperties: false }),
  /** The docs do not state it: what was chosen and why (the conservative choice). */
  Type.Object({ unconfirmed: Type.String({ minLength: 10, maxLength: 600 }), checked: Checked }, { additionalProperties: false }),
]);
export type Source = Static<typeof SourceSchema>;

export const SourcesSchema = Type.Object(
  Object.fromEntries(FACT_NAMES.map((name) => [name, Type.Optional(SourceSchema)])) as Record<
    FactName,
    Type.TOptional<typeof SourceSchema>
  >,
  { additionalProperties: false },
);
export type Sources = Partial<Record<FactName, Source>>;

/**
 * The day of the catalog review the helpers below default to. Pass `checked` explicitly for a fact
 * checked on another day.
 */
export const CATALOG_REVIEW_DATE = '2026-11-29';

/**
 * A fact stated in the provider's own documentation.
 *
 * @example
 * sources: { tokenUrl: doc('https://developer.example.com/docs/oauth#token') }
 */
export const doc = (url: string, checked: string = CATALOG_REVIEW_DATE): Source => ({ url, checked });

/**
 * A fact the provider's documentation does not state: `note` says what the entry chose and why.
 *
 * @example
 * sources: { pkce: unconfirmed('Not documented; PKCE off (conservative).') }
 */
export const unconfirmed = (note: string, checked: string = CATALOG_REVIEW_DATE): Source => ({ unconfirmed: note, checked });

/**
 * Hosts of catalogs and aggregators that are not a provider's own documentation: a source may use
 * them to find where to look, never as the citation.
 */
export const THIRD_PARTY_SOURCE_HOSTS: readonly string[] = [
  'nango.dev',
  'pipedream.com',
  'merge.dev',
  'unified.to',
  'paragon.com',
  'useparagon.com',
  'composio.dev',
  'stackoverflow.com',
  'medium.com',
  'dev.to',
  'wikipedia.org',
];
