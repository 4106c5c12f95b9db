import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { applyClientAuth, type ClientCredentials, type OutboundRequest } from './client-auth.ts';
import { oauthOf } from './oauth-settings.ts';

export type { ClientCredentials, OutboundRequest } from './client-auth.ts';

/** The grant being redeemed at the token endpoint. */
export type TokenGrant =
  | { grantType: 'authorization_code'; code: string; redirectUri: string; codeVerifier: string | null }
  /** `redirectUri` is sent only to providers that want it repeated on refresh (`oauth.redirectUriOnRefresh`). */
  | { grantType: 'refresh_token'; refreshToken: string; redirectUri?: string | null }
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
 * Always sends `Accept: application/json` (GitHub answers form-encoded without it). The parameters are
 * `grant_type`, the grant's fields (`redirect_uri` on a refresh only where `redirectUriOnRefresh`), `scope`
 * for client-credentials grants with scopes, and the provider's `tokenParams`, sent per
 * `oauth.tokenRequestEncoding`: a form body (RFC 6749), a JSON body, or the query string of a bodiless POST
 * (ClickUp, Miro). Client authentication follows `oauth.clientAuth` (see `applyClientAuth`); with `query`
 * body credentials go in the query string too, as those providers document.
 *
 * @example
 * const req = buildTokenRequest(github, 'https://github.com/login/oauth/access_token', {
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
  const oauth = oauthOf(provider);
  const params: Record<string, string> = { grant_type: grant.grantType };
  switch (grant.grantType) {
    case 'authorization_code':
      params.code = grant.code;
      params.redirect_uri = grant.redirectUri;
      if (grant.codeVerifier !== null) params.code_verifier = grant.codeVerifier;
      break;
    case 'refresh_token':
      params.refresh_token = grant.refreshToken;
      if (oauth.redirectUriOnRefresh && grant.redirectUri) params.redirect_uri = grant.redirectUri;
      break;
    case 'client_credentials':
      if (grant.scopes.length > 0) params.scope = grant.scopes.join(oauth.scopeSeparator);
      break;
  }
  for (const [name, value] of Object.entries(oauth.tokenParams)) {
    if (OWNED_BODY_PARAMS.has(name)) {
      throw new Error(`tokenParams of provider "${provider.slug}" cannot set "${name}": the OAuth client owns it`);
    }
    params[name] = value;
  }

  const headers: Record<string, string> = { Accept: 'application/json' };
  applyClientAuth(oauth.clientAuth, client, headers, params);

  switch (oauth.tokenRequestEncoding) {
    case 'query': {
      const url = new URL(endpoint);
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      return { url: url.toString(), method: 'POST', headers };
    }
    case 'json':
      return { url: endpoint, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(params) };
    case 'form':
      return {
        url: endpoint,
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      };
  }
}
