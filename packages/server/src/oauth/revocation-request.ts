import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { applyClientAuth, type ClientCredentials, type OutboundRequest } from './client-auth.ts';
import { isObject, parseResponseBody, safeErrorCode, type ReceivedResponse } from './response-body.ts';

/** What a revocation request came to. `detail` names the HTTP status and OAuth error code only. */
export type RevocationOutcome = { ok: true } | { ok: false; kind: 'temporary' | 'rejected'; status: number | null; detail: string };

/**
 * An RFC 7009 revocation request: form body `token` + `token_type_hint`, client authentication per
 * `provider.revocationAuth` (falling back to `provider.clientAuth`).
 *
 * @example
 * const req = buildRevocationRequest(google, google.revocationUrl!, refreshToken, 'refresh_token', client);
 */
export function buildRevocationRequest(
  provider: ProviderDefinition,
  endpoint: string,
  token: string,
  hint: 'refresh_token' | 'access_token',
  client: ClientCredentials,
): OutboundRequest {
  // Providers with a JSON revocation API (Notion, QuickBooks) take `{ "token": … }` and no hint.
  const json = provider.revocationBodyContentType === 'application/json';
  const body: Record<string, string> = json ? { token } : { token, token_type_hint: hint };
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
  };
  applyClientAuth(provider.revocationAuth ?? provider.clientAuth, client, headers, body);
  return { url: endpoint, method: 'POST', headers, body: json ? JSON.stringify(body) : new URLSearchParams(body).toString() };
}

/**
 * Answers that mean the token is already unusable: the goal of revoking it is met. Slack's `invalid_auth` is
 * left out on purpose: it also answers a token auth.revoke cannot take (a refresh token), which revoked nothing.
 */
const ALREADY_DEAD = new Set(['invalid_token', 'invalid_grant', 'token_revoked', 'token_expired']);

/**
 * Classifies a revocation response. 2xx is success, also for tokens the provider does not know
 * (RFC 7009 §2.2), and so is an error saying the token is already unusable (Google answers 400
 * `invalid_token` for a revoked token; Slack 200 `{ok: false, error: 'token_revoked'}`). 429, 503 and other
 * 5xx, and Slack's `ratelimited`, are temporary; anything else (401 `invalid_client`, 400
 * `unsupported_token_type`, …) is rejected.
 *
 * @example
 * const outcome = processRevocationResponse({ status: 200, headers, bodyText: '' }); // { ok: true }
 */
export function processRevocationResponse(res: ReceivedResponse): RevocationOutcome {
  const { status } = res;
  if (status === 429 || status >= 500) return { ok: false, kind: 'temporary', status, detail: `http_${status}` };
  const fields = parseResponseBody(res.bodyText);
  const error = isObject(fields) && typeof fields.error === 'string' ? safeErrorCode(fields.error) : null;
  if (status >= 200 && status < 300) {
    // Slack-style APIs answer every call with 200 and put the outcome in `ok`.
    if (fields === null || fields.ok !== false) return { ok: true };
    const code = error ?? 'unknown_error';
    if (ALREADY_DEAD.has(code)) return { ok: true };
    if (code === 'ratelimited') return { ok: false, kind: 'temporary', status, detail: `http_${status} ${code}` };
    return { ok: false, kind: 'rejected', status, detail: `http_${status} ${code}` };
  }
  if (status >= 400 && status < 500 && error !== null && ALREADY_DEAD.has(error)) return { ok: true };
  return { ok: false, kind: 'rejected', status, detail: error === null ? `http_${status}` : `http_${status} ${error}` };
}
