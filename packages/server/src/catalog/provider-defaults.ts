import type {
  ClientAuthMethod,
  OAuthInput,
  OAuthSettings,
  ProviderDefinition,
  ProviderEntry,
  RevocationInput,
  RevocationSettings,
} from './provider-definition.ts';

/** Every default of the `oauth` block of the catalog format, except the URLs an entry must give. */
export const OAUTH_DEFAULTS: Omit<OAuthSettings, 'authorizationUrl' | 'tokenUrl' | 'refreshTokenUrl'> = {
  pkce: false,
  clientAuth: 'body',
  tokenRequestEncoding: 'form',
  redirectUriOnRefresh: false,
  scopeSeparator: ' ',
  defaultScopes: [],
  scopeAliases: {},
  authorizationParams: {},
  tokenParams: {},
  issuer: null,
  tokenLifetimeSeconds: null,
  accessTokenNeverExpires: false,
  refreshTokenRotates: false,
  tokenErrorInOkResponse: false,
  nestedUserToken: false,
  scopeResponseField: null,
  metadataFields: [],
  callbackParams: [],
  revocation: null,
};

/** The defaults of `oauth.revocation`: an RFC 7009 request. */
export const REVOCATION_DEFAULTS: Omit<RevocationSettings, 'url'> = {
  method: 'POST',
  auth: 'body',
  encoding: 'form',
  tokenField: 'token',
  body: {},
};

/** `oauth.revocation` with its defaults filled. */
export const revocationSettings = (input: RevocationInput): RevocationSettings => ({ ...REVOCATION_DEFAULTS, ...input });

/** The `oauth` block with its defaults filled. */
export function oauthSettings(input: OAuthInput): OAuthSettings {
  const { revocation, ...rest } = input;
  const filled = { ...OAUTH_DEFAULTS, ...rest, refreshTokenUrl: input.refreshTokenUrl ?? input.tokenUrl };
  return { ...filled, revocation: revocation ? revocationSettings(revocation) : null };
}

const CLIENT_AUTH: Record<OAuthSettings['clientAuth'], ClientAuthMethod> = {
  body: 'client_secret_post',
  basic: 'client_secret_basic',
  both: 'client_secret_both',
};

type EngineFields = Omit<
  ProviderDefinition,
  | 'slug'
  | 'name'
  | 'description'
  | 'docsUrl'
  | 'category'
  | 'logo'
  | 'authMethods'
  | 'apiBaseUrl'
  | 'hosts'
  | 'configFields'
  | 'apiKey'
  | 'sources'
>;

/**
 * The flat fields the request builders read, derived from `oauth`. Facts they do not read yet are kept
 * in `oauth` only: a `query` token encoding is sent as a form body, and revocation `method`, `bearer`/`none`
 * auth, `encoding: 'none'`, `tokenField` and extra `body` fields are not applied (a revocation whose auth is
 * `bearer` or `none` is sent with the client's credentials in the body).
 */
export function engineFields(oauth: OAuthSettings | null): EngineFields {
  const revocation = oauth?.revocation ?? null;
  return {
    oauth,
    authorizationUrl: oauth?.authorizationUrl ?? null,
    tokenUrl: oauth?.tokenUrl ?? null,
    refreshTokenUrl: oauth && oauth.refreshTokenUrl !== oauth.tokenUrl ? oauth.refreshTokenUrl : null,
    revocationUrl: revocation?.url ?? null,
    revocationAuth: revocation === null ? null : revocation.auth === 'basic' ? 'client_secret_basic' : 'client_secret_post',
    ...(revocation?.encoding === 'json' ? { revocationBodyContentType: 'application/json' as const } : {}),
    defaultScopes: oauth?.defaultScopes ?? [],
    scopeSeparator: oauth?.scopeSeparator ?? OAUTH_DEFAULTS.scopeSeparator,
    pkce: oauth?.pkce ?? false,
    clientAuth: CLIENT_AUTH[oauth?.clientAuth ?? 'body'],
    tokenBodyContentType: oauth?.tokenRequestEncoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    authorizationParams: oauth?.authorizationParams ?? {},
    tokenParams: oauth?.tokenParams ?? {},
    issuer: oauth?.issuer ?? null,
    quirks: {
      tokenErrorInOkResponse: oauth?.tokenErrorInOkResponse ?? false,
      nestedUserToken: oauth?.nestedUserToken ?? false,
      scopeResponseField: oauth?.scopeResponseField ?? null,
      metadataFields: oauth?.metadataFields ?? [],
      accessTokenNeverExpires: oauth?.accessTokenNeverExpires ?? false,
      refreshTokenRotates: oauth?.refreshTokenRotates ?? false,
    },
  };
}

/**
 * A validated entry with every default filled: the one place defaults are applied. `hosts` is passed in
 * because deriving it needs the URL rules (`entry-rules.ts`).
 */
export function normalizeProviderEntry(entry: ProviderEntry, hosts: readonly string[]): ProviderDefinition {
  return {
    slug: entry.slug,
    name: entry.name,
    description: entry.description,
    docsUrl: entry.docsUrl,
    category: entry.category,
    logo: entry.logo ?? null,
    authMethods: [...entry.authMethods],
    apiBaseUrl: entry.apiBaseUrl,
    hosts: [...hosts],
    configFields: entry.configFields ?? [],
    apiKey: entry.apiKey ?? null,
    sources: entry.sources,
    ...engineFields(entry.oauth ? oauthSettings(entry.oauth) : null),
  };
}
