import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { applyClientAuth, type ClientCredentials, type OutboundRequest } from './client-auth.ts';

export type { ClientCredentials, OutboundRequest } from './client-auth.ts';

/** The grant being redeemed at the token endpoint. */
export type TokenGrant =
  | { grantType: 'authorization_code'; code: string; redirectUri: string; codeVerifier: string | null }
  | { grantType: 'refresh_token'; refreshToken: string }
  | { grantType: 'client_credentials'; scopes: readonly string[] };

/** Body parameters the client sets itself; `tokenParams` may not override them. */
const OWNED_BODY_PARAMS = new Set([
  'grant_type',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
  'scope',
  'client_id',
  'client_secret',
]);

/**
 * The token request for `grant` (RFC 6749 §4.1.3, §6, §4.4), encoded as the provider wants it.
 *
 * Always sends `Accept: application/json` (GitHub answers form-encoded without it). The body holds
 * `grant_type`, the grant's fields, `scope` for client-credentials grants with scopes, and the provider's
 * `tokenParams`, as a form or as JSON per `tokenBodyContentType`. Client authentication follows
 * `provider.clientAuth` (see `applyClientAuth`).
 *
 * @example
 * const req = buildTokenRequest(github, github.tokenUrl!, {
 *   grantType: 'authorization_code', code, redirectUri, codeVerifier: verifier,
 * }, { clientId, clientSecret });
 * // req.body: 'grant_type=authorization_code&code=…&redirect_uri=…&code_verifier=…&client_id=…&client_secret=…'
 * @throws Error when `tokenParams` tries to set a parameter the client owns.
 */
export function buildTokenRequest(
  provider: ProviderDefinition,
  endpoint: string,
  grant: TokenGrant,
  client: ClientCredentials,
): OutboundRequest {
  const body: Record<string, string> = { grant_type: grant.grantType };
  switch (grant.grantType) {
    case 'authorization_code':
      body.code = grant.code;
      body.redirect_uri = grant.redirectUri;
      if (grant.codeVerifier !== null) body.code_verifier = grant.codeVerifier;
      break;
    case 'refresh_token':
      body.refresh_token = grant.refreshToken;
      break;
    case 'client_credentials':
      if (grant.scopes.length > 0) body.scope = grant.scopes.join(provider.scopeSeparator);
      break;
  }
  for (const [name, value] of Object.entries(provider.tokenParams)) {
    if (OWNED_BODY_PARAMS.has(name)) {
      throw new Error(`tokenParams of provider "${provider.slug}" cannot set "${name}": the OAuth client owns it`);
    }
    body[name] = value;
  }

  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': provider.tokenBodyContentType,
  };
  applyClientAuth(provider.clientAuth, client, headers, body);

  return {
    url: endpoint,
    method: 'POST',
    headers,
    body: provider.tokenBodyContentType === 'application/json' ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  };
}
