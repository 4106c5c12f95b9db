import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { oauthOf } from './oauth-settings.ts';
import type { TokenGrant } from './token-request.ts';
import {
  isObject,
  parseResponseBody,
  parseRetryAfter,
  readPath,
  redactSecrets,
  safeDescription,
  safeErrorCode,
  type ReceivedResponse,
  type ResponseFields,
} from './response-body.ts';

/** The credentials a successful token response carries, normalised. */
export interface TokenSet {
  accessToken: string;
  /** `null` when the response carries none (keep the old one on refresh: docs/security.md §9). */
  refreshToken: string | null;
  /**
   * ISO 8601, from `expires_in` and the `now` given to the processor; without `expires_in`, from the lifetime
   * the provider (or the integration) declares (`oauth.tokenLifetimeSeconds`), so the token is renewed in time;
   * `null` when neither says (the token does not expire).
   */
  expiresAt: string | null;
  /** The granted scopes; `null` when the response does not say. */
  scopes: string[] | null;
  tokenType: string | null;
  /**
   * Non-secret response fields worth keeping on the connection: the provider's `oauth.metadataFields`
   * (dot paths allowed, stored under the path), and for client-credentials grants every top-level field
   * except `access_token`, `refresh_token`, `id_token`, `expires_in`, `token_type` and `scope`.
   */
  metadata: Record<string, unknown>;
}

/**
 * What a token request came to. Only `invalid_grant` means the grant is dead; `rejected` and `malformed`
 * are configuration or provider problems that retrying will not fix; `temporary` must never mark a
 * connection broken (docs/security.md §10).
 */
export type TokenOutcome =
  | { ok: true; tokens: TokenSet }
  /** The grant is dead (RFC 6749 §5.2 `invalid_grant` or the provider's equivalent): reauthorization needed. */
  | { ok: false; kind: 'invalid_grant'; error: string; description: string | null }
  /** Any other OAuth error (invalid_client, unauthorized_client, invalid_scope, …): configuration, not temporary. */
  | { ok: false; kind: 'rejected'; error: string; description: string | null; status: number }
  | {
      ok: false;
      kind: 'temporary';
      reason: 'network' | 'timeout' | 'forbidden_address' | 'server_error' | 'rate_limited';
      status: number | null;
      retryAfterSeconds: number | null;
    }
  /** A response we cannot read as a token response. `detail` never contains response values. */
  | { ok: false; kind: 'malformed'; status: number; detail: string };

/** Error codes that mean "the grant is dead" for providers that answer errors in a 200 (GitHub, Slack). */
const QUIRK_DEAD_GRANT_ERRORS = new Set([
  'bad_refresh_token', // GitHub
  'bad_verification_code', // GitHub
  'invalid_refresh_token', // Slack
  'invalid_code', // Slack
  'invalid_grant',
  'token_revoked', // Slack
]);
/** Slack's transient failures (its "common errors"), besides `ratelimited`. */
const QUIRK_TEMPORARY_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
/** RFC 6749 §4.1.2.1 codes for a transient server condition; some token endpoints answer them too. */
const OAUTH_TEMPORARY_ERRORS = new Set(['temporarily_unavailable', 'server_error']);

/** Never copied into metadata, at any depth. */
const SECRET_KEYS = new Set(['access_token', 'refresh_token', 'id_token', 'client_secret']);
/** Top-level fields a client-credentials response keeps out of metadata (already in the token set, or secret). */
const TOKEN_FIELDS = new Set(['access_token', 'refresh_token', 'id_token', 'expires_in', 'token_type', 'scope']);

/**
 * Turns a token-endpoint response into a `TokenOutcome`. Pure: the response is already read and `now`
 * (epoch ms) is given.
 *
 * - 429 → temporary `rate_limited` with `Retry-After` in seconds; 5xx → temporary `server_error`.
 * - The body is JSON, else form-encoded (GitHub's default).
 * - 4xx with `error`: `invalid_grant` → dead grant, anything else → `rejected`; 4xx without → `rejected` `http_<status>`.
 * - 2xx with `error` (or Slack's `ok: false`) where `oauth.tokenErrorInOkResponse`: classified likewise,
 *   with GitHub's and Slack's own codes.
 * - 2xx success: the token comes from `authed_user` for `oauth.nestedUserToken` providers when it holds an
 *   `access_token` (Slack user tokens), else from the top level; no string `access_token` → `malformed`.
 *
 * @example
 * const outcome = processTokenResponse(github, { status, headers, bodyText }, 'authorization_code', Date.now());
 * if (outcome.ok) store(outcome.tokens); else if (outcome.kind === 'invalid_grant') markNeedsReauthorization();
 */
export function processTokenResponse(
  provider: ProviderDefinition,
  res: ReceivedResponse,
  grantType: TokenGrant['grantType'],
  now: number,
): TokenOutcome {
  const { status } = res;
  if (status === 429) {
    return temporary('rate_limited', status, parseRetryAfter(res.headers.get('retry-after'), now));
  }
  if (status >= 500) {
    return temporary('server_error', status, parseRetryAfter(res.headers.get('retry-after'), now));
  }

  const fields = parseResponseBody(res.bodyText);

  if (status >= 400) {
    if (fields !== null && typeof fields.error === 'string') {
      return classifyError(provider, fields, fields.error, status, grantType, res, now);
    }
    return { ok: false, kind: 'rejected', error: `http_${status}`, description: null, status };
  }
  if (status < 200 || status >= 300) {
    // Redirects are never followed with credentials; an endpoint that redirects is misconfigured.
    return { ok: false, kind: 'rejected', error: `http_${status}`, description: null, status };
  }

  if (fields === null) {
    return malformed(status, `the body is neither a JSON object nor form-encoded (content-type ${contentTypeOf(res)})`);
  }
  const errorCode = typeof fields.error === 'string' ? fields.error : fields.ok === false ? 'unknown_error' : null;
  if (errorCode !== null && fields.ok !== true) {
    if (oauthOf(provider).tokenErrorInOkResponse) {
      return classifyError(provider, fields, errorCode, status, grantType, res, now);
    }
    if (fields.access_token === undefined) {
      return malformed(status, `a ${status} response carries error "${safeErrorCode(errorCode)}" and no access_token`);
    }
  }
  return readTokenSet(provider, fields, status, grantType, now);
}

function readTokenSet(
  provider: ProviderDefinition,
  fields: ResponseFields,
  status: number,
  grantType: TokenGrant['grantType'],
  now: number,
): TokenOutcome {
  const oauth = oauthOf(provider);
  const nested = oauth.nestedUserToken ? fields.authed_user : undefined;
  const source = isObject(nested) && typeof nested.access_token === 'string' ? nested : fields;

  const accessToken = source.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    return malformed(status, 'the response has no access_token string');
  }

  const expiresIn = readExpiresIn(source.expires_in);
  if (expiresIn === 'invalid') return malformed(status, 'expires_in is not a non-negative number');

  const refreshToken = typeof source.refresh_token === 'string' && source.refresh_token !== '' ? source.refresh_token : null;
  const tokenType = typeof source.token_type === 'string' && source.token_type !== '' ? source.token_type : null;

  const scopeValue = oauth.scopeResponseField === null ? undefined : readPath(fields, oauth.scopeResponseField);
  const scopes = readScopes(scopeValue === undefined || scopeValue === null ? source.scope : scopeValue, oauth.scopeSeparator);

  const metadata: Record<string, unknown> = {};
  if (grantType === 'client_credentials') {
    for (const [key, value] of Object.entries(fields)) {
      if (TOKEN_FIELDS.has(key)) continue;
      setField(metadata, key, value);
    }
  }
  for (const path of oauth.metadataFields) {
    const value = readPath(fields, path);
    if (value !== undefined) setField(metadata, path, value);
  }

  return {
    ok: true,
    tokens: {
      accessToken,
      refreshToken,
      expiresAt: expiryOf(expiresIn, oauth, now),
      scopes,
      tokenType,
      metadata,
    },
  };
}

function classifyError(
  provider: ProviderDefinition,
  fields: ResponseFields,
  rawCode: string,
  status: number,
  grantType: TokenGrant['grantType'],
  res: ReceivedResponse,
  now: number,
): TokenOutcome {
  const error = safeErrorCode(rawCode);
  const echoed = [
    fields.access_token,
    fields.refresh_token,
    fields.id_token,
    readPath(fields, 'authed_user.access_token'),
    readPath(fields, 'authed_user.refresh_token'),
  ];
  const rawDescription = safeDescription(fields.error_description);
  const description =
    rawDescription === null
      ? null
      : redactSecrets(
          rawDescription,
          echoed.filter((v): v is string => typeof v === 'string'),
        );
  const quirky = oauthOf(provider).tokenErrorInOkResponse;

  if (error === 'invalid_grant' || (quirky && QUIRK_DEAD_GRANT_ERRORS.has(error))) {
    return { ok: false, kind: 'invalid_grant', error, description };
  }
  // Slack answers an expired refresh token with token_expired; for a code it is a configuration matter.
  if (quirky && error === 'token_expired' && grantType === 'refresh_token') {
    return { ok: false, kind: 'invalid_grant', error, description };
  }
  if (quirky && error === 'ratelimited') {
    return temporary('rate_limited', status, parseRetryAfter(res.headers.get('retry-after'), now));
  }
  if (OAUTH_TEMPORARY_ERRORS.has(error) || (quirky && QUIRK_TEMPORARY_ERRORS.has(error))) {
    return temporary('server_error', status, parseRetryAfter(res.headers.get('retry-after'), now));
  }
  return { ok: false, kind: 'rejected', error, description, status };
}

/**
 * When the token expires: `expires_in` when the answer has it (0 is what some providers send for "does
 * not expire": a token that is already expired would be useless); else the declared lifetime, unless the
 * provider's tokens never expire; else never (`null`).
 */
function expiryOf(expiresIn: number | null, oauth: ReturnType<typeof oauthOf>, now: number): string | null {
  if (expiresIn === 0) return null;
  const seconds = expiresIn ?? (oauth.accessTokenNeverExpires ? null : oauth.tokenLifetimeSeconds);
  return seconds === null ? null : new Date(now + seconds * 1000).toISOString();
}

/** Seconds, `null` when absent, `'invalid'` when present but not a non-negative number (or numeric string). */
function readExpiresIn(value: unknown): number | null | 'invalid' {
  if (value === undefined || value === null || value === '') return null;
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 'invalid';
}

function readScopes(value: unknown, separator: string): string[] | null {
  if (typeof value === 'string') {
    return value
      .split(separator)
      .flatMap((part) => part.split(/[\s,]+/))
      .filter((scope) => scope !== '');
  }
  if (Array.isArray(value)) return value.filter((scope): scope is string => typeof scope === 'string');
  return null;
}

/**
 * Stores `value` under `key`, minus secrets. A `__proto__` key is dropped: kept as an own property it would
 * still rewrite the prototype of whatever a later `Object.assign` copies the metadata into.
 */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (SECRET_KEYS.has(key) || key === '__proto__') return;
  target[key] = withoutSecrets(value);
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) setField(out, key, child);
  return out;
}

function temporary(reason: 'server_error' | 'rate_limited', status: number, retryAfterSeconds: number | null): TokenOutcome {
  return { ok: false, kind: 'temporary', reason, status, retryAfterSeconds };
}

function malformed(status: number, detail: string): TokenOutcome {
  return { ok: false, kind: 'malformed', status, detail };
}

function contentTypeOf(res: ReceivedResponse): string {
  const value = res.headers.get('content-type');
  if (value === null) return 'absent';
  return (value.split(';')[0] ?? '').replace(/[^\w.+/-]/g, '').slice(0, 100) || 'empty';
}
