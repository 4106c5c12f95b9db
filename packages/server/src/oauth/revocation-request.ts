import type { RevocationSettings } from '../catalog/provider-definition.ts';
import { basicCredentials, type ClientCredentials, type OutboundRequest } from './client-auth.ts';
import { isObject, parseResponseBody, safeErrorCode, type ReceivedResponse } from './response-body.ts';

/** What a revocation request came to. `detail` names the HTTP status and OAuth error code only. */
export type RevocationOutcome = { ok: true } | { ok: false; kind: 'temporary' | 'rejected'; status: number | null; detail: string };

/**
 * Which token a revocation sends. RFC 7009 endpoints (`tokenField: 'token'`, not Bearer) take either and
 * get the refresh token first: revoking it ends the whole grant at most providers. Endpoints that take the
 * access token itself (GitHub's `access_token`, Miro's `accessToken`) or authenticate with it as Bearer
 * (Dropbox, Zendesk, Linear, Slack) get the access token.
 */
export const revokesAccessToken = (revocation: RevocationSettings): boolean =>
  revocation.auth === 'bearer' || revocation.tokenField !== 'token';

const TEMPLATE = /\$\{(client_id|client_secret)\}/g;

/**
 * The revocation request the provider documents (`oauth.revocation`; all defaults = RFC 7009): `method`,
 * the `endpoint` (already resolved, `${client_id}` included), the token in `tokenField` plus the extra
 * `body` fields (`${client_id}`/`${client_secret}` filled in), encoded per `encoding` (`form` adds RFC 7009's
 * `token_type_hint`; `json` carries the fields only; `none` sends no body), and the client authenticated per
 * `auth`: `body` (client_id/client_secret fields), `basic`, `bearer` (the token itself as the credential,
 * so no token field) or `none`.
 *
 * @example
 * const req = buildRevocationRequest(github.oauth!.revocation!, 'https://api.github.com/applications/Iv1.abc/token',
 *   accessToken, 'access_token', client); // DELETE, Basic, {"access_token": …}
 */
export function buildRevocationRequest(
  revocation: RevocationSettings,
  endpoint: string,
  token: string,
  hint: 'refresh_token' | 'access_token',
  client: ClientCredentials,
): OutboundRequest {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const fields: Record<string, string> = {};
  if (revocation.auth === 'bearer') headers.Authorization = `Bearer ${token}`;
  else fields[revocation.tokenField] = token;
  if (revocation.encoding === 'form' && revocation.auth !== 'bearer' && revocation.tokenField === 'token') fields.token_type_hint = hint;
  for (const [name, value] of Object.entries(revocation.body)) {
    fields[name] = value.replace(TEMPLATE, (_, which: string) => (which === 'client_id' ? client.clientId : (client.clientSecret ?? '')));
  }
  if (revocation.auth === 'basic' && client.clientSecret !== null)
    headers.Authorization = basicCredentials(client.clientId, client.clientSecret);
  else if (revocation.auth === 'body' || revocation.auth === 'basic') {
    fields.client_id = client.clientId;
    if (client.clientSecret !== null) fields.client_secret = client.clientSecret;
  }
  const request: OutboundRequest = { url: endpoint, method: revocation.method, headers };
  if (revocation.encoding === 'none') return request;
  if (revocation.encoding === 'json')
    return { ...request, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(fields) };
  return {
    ...request,
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
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
