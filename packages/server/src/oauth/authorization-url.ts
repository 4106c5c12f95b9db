import { type ProviderDefinition, RESERVED_OAUTH_PARAMS } from '../catalog/provider-definition.ts';
import { oauthOf } from './oauth-settings.ts';

/** What one authorization request needs besides the provider's static data. */
export interface AuthorizationUrlParams {
  /** The provider's authorization endpoint with every `${config.…}` placeholder already resolved. */
  authorizationUrl: string;
  clientId: string;
  /** Built from configuration (never from request headers) and sent unchanged in the token request. */
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  /** The S256 challenge, or `null` when the provider does not support PKCE. */
  codeChallenge: string | null;
}

/**
 * The URL to send the end user's browser to (RFC 6749 §4.1.1, RFC 7636 §4.3).
 *
 * Sets `response_type=code`, `client_id`, `redirect_uri`, the scopes joined with the provider's separator
 * (in `user_scope` instead of `scope` for providers with a nested user token, i.e. Slack; omitted when
 * there are none), `state`, and `code_challenge` + `code_challenge_method=S256` when a challenge is given;
 * then the provider's `authorizationParams`. Query parameters already in `authorizationUrl` are kept.
 *
 * @example
 * buildAuthorizationUrl(github, {
 *   authorizationUrl: 'https://github.com/login/oauth/authorize', clientId: 'Iv1.abc',
 *   redirectUri: 'https://pipes.example.com/oauth/callback/github', scopes: ['repo'],
 *   state, codeChallenge: createPkce().challenge,
 * });
 * @throws Error when `authorizationUrl` is not an absolute URL, or when `authorizationParams` tries to set a
 *   parameter the client owns.
 */
export function buildAuthorizationUrl(provider: ProviderDefinition, p: AuthorizationUrlParams): string {
  const oauth = oauthOf(provider);
  const url = new URL(p.authorizationUrl);
  const scopeParam = oauth.nestedUserToken ? 'user_scope' : 'scope';
  const owned = new Map<string, string | null>([
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['scope', null],
    ['user_scope', null],
    ['state', p.state],
    ['code_challenge', p.codeChallenge],
    ['code_challenge_method', p.codeChallenge === null ? null : 'S256'],
  ]);
  if (p.scopes.length > 0) owned.set(scopeParam, p.scopes.join(oauth.scopeSeparator));

  for (const name of Object.keys(oauth.authorizationParams)) {
    // `user_scope` is ours only where it carries the scopes; elsewhere it is the provider's own business.
    if (RESERVED_OAUTH_PARAMS.has(name) || (name === 'user_scope' && oauth.nestedUserToken)) {
      throw new Error(`authorizationParams of provider "${provider.slug}" cannot set "${name}": the OAuth client owns it`);
    }
  }

  for (const [name, value] of owned) {
    if (value === null) continue;
    url.searchParams.set(name, value);
  }
  for (const [name, value] of Object.entries(oauth.authorizationParams)) url.searchParams.set(name, value);
  return url.toString();
}
