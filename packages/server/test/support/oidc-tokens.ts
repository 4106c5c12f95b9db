/**
 * Real tokens from the test authorization server WITHOUT going through OpenPipes: an authorization
 * request with PKCE (S256) for a registered client, the login/consent pages driven headlessly, and
 * the code redeemed at the token endpoint. The result can be imported into OpenPipes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from './cookie-jar.ts';
import type { OidcServer } from './oidc-server.ts';

export interface ProviderTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
  token_type: string;
}

export interface DirectClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Space-separated. */
  scope: string;
}

export async function obtainTokens(oidc: OidcServer, client: DirectClient, account: string): Promise<ProviderTokens> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(32).toString('base64url');
  const auth = new URL(oidc.authorizationUrl);
  auth.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: client.redirectUri,
    scope: client.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();

  const callback = new URL(await oidc.login(auth.toString(), new CookieJar(), { account }));
  if (callback.searchParams.get('error')) throw new Error(`authorization failed: ${callback.searchParams.get('error')}`);
  if (callback.searchParams.get('state') !== state) throw new Error('authorization answered with another state');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.origin}${callback.pathname}`);

  const res = await fetch(oidc.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  const body = (await res.json()) as Partial<ProviderTokens> & { error?: string };
  if (res.status !== 200 || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
    throw new Error(`code exchange failed: ${res.status} ${body.error ?? '(no refresh token)'}`);
  }
  return body as ProviderTokens;
}
