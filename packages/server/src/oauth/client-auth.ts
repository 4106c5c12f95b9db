import type { OAuthSettings } from '../catalog/provider-definition.ts';

/** How the client authenticates at a provider's token endpoint (the catalog's `oauth.clientAuth`). */
export type ClientAuth = OAuthSettings['clientAuth'];

/** The OAuth client's identity at a provider. */
export interface ClientCredentials {
  clientId: string;
  /** `null` for public clients (and providers that authenticate the client some other way). */
  clientSecret: string | null;
}

/** One outbound HTTP request, fully built, so it can be inspected in tests before anything is sent. */
export interface OutboundRequest {
  url: string;
  method: 'POST' | 'DELETE';
  headers: Record<string, string>;
  /** Absent: no body at all (query-string token requests, Bearer revocations). */
  body?: string;
}

/**
 * `application/x-www-form-urlencoded` encoding of one value, as RFC 6749 §2.3.1 requires for the
 * Basic credentials (space → `+`, `:` → `%3A`, …).
 *
 * @example
 * formEncode('a:b c'); // 'a%3Ab+c'
 */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * Authenticates the client on a token or revocation request, in place.
 *
 * `basic` with a secret → `Authorization: Basic base64(formEncode(id):formEncode(secret))` and nothing in
 * the body; `both` → that header and the body fields too; `body`, or any method without a secret →
 * `client_id` (and `client_secret` when there is one) in the body (which a query-string request sends in
 * its URL).
 *
 * @example
 * const headers = {}; const body = { grant_type: 'refresh_token', refresh_token };
 * applyClientAuth('basic', { clientId, clientSecret }, headers, body);
 */
export function applyClientAuth(
  method: ClientAuth,
  client: ClientCredentials,
  headers: Record<string, string>,
  body: Record<string, string>,
): void {
  if (method !== 'body' && client.clientSecret !== null) {
    headers.Authorization = basicCredentials(client.clientId, client.clientSecret);
    // `both`: providers that want the Basic header and the credentials in the body as well.
    if (method === 'basic') return;
  }
  body.client_id = client.clientId;
  if (client.clientSecret !== null) body.client_secret = client.clientSecret;
}

/** `Basic base64(formEncode(id):formEncode(secret))` (RFC 6749 §2.3.1). */
export const basicCredentials = (clientId: string, clientSecret: string): string =>
  `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`, 'utf8').toString('base64')}`;
