import type { ClientAuthMethod } from '../catalog/provider-definition.ts';

/** The OAuth client's identity at a provider. */
export interface ClientCredentials {
  clientId: string;
  /** `null` for public clients (and providers that authenticate the client some other way). */
  clientSecret: string | null;
}

/** One outbound HTTP request, fully built, so it can be inspected in tests before anything is sent. */
export interface OutboundRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
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
 * `client_secret_basic` with a secret → `Authorization: Basic base64(formEncode(id):formEncode(secret))`
 * and nothing in the body; `client_secret_both` → that header and the body fields too; `client_secret_post`,
 * or any method without a secret → `client_id` (and `client_secret` when there is one) in the body.
 *
 * @example
 * const headers = {}; const body = { grant_type: 'refresh_token', refresh_token };
 * applyClientAuth('client_secret_basic', { clientId, clientSecret }, headers, body);
 */
export function applyClientAuth(
  method: ClientAuthMethod,
  client: ClientCredentials,
  headers: Record<string, string>,
  body: Record<string, string>,
): void {
  if (method !== 'client_secret_post' && client.clientSecret !== null) {
    const pair = `${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
    // `client_secret_both`: providers that want the Basic header and the credentials in the body as well.
    if (method === 'client_secret_basic') return;
  }
  body.client_id = client.clientId;
  if (client.clientSecret !== null) body.client_secret = client.clientSecret;
}
