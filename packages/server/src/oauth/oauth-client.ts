/*
 * The provider-facing OAuth client: code exchange, refresh, client credentials and revocation.
 *
 * Why not oauth4webapi (the design's first choice): its response processing is deliberately strict —
 * it rejects a 200 that carries `{error}` (GitHub), a token nested under `authed_user` (Slack), and
 * form-encoded bodies (GitHub without `Accept: application/json`). Every provider here would then need
 * a second, raw code path. Instead there is one raw path for compliant and quirky providers alike, with
 * the quirks as catalog data, built the same way oauth4webapi is: build the request and process the
 * response as separate pure steps (token-request.ts, token-response.ts, revocation-request.ts), with
 * `fetch` injected (http-client.ts).
 */
import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { NO_TELEMETRY, type ProviderCallKind, type Telemetry } from '../core/telemetry.ts';
import type { ClientCredentials, OutboundRequest } from './client-auth.ts';
import type { OAuthHttpClient } from './http-client.ts';
import { oauthOf } from './oauth-settings.ts';
import { redactSecrets } from './response-body.ts';
import { buildRevocationRequest, processRevocationResponse, type RevocationOutcome } from './revocation-request.ts';
import { buildTokenRequest, type TokenGrant } from './token-request.ts';
import { processTokenResponse, type TokenOutcome } from './token-response.ts';

/**
 * Talks to providers' token and revocation endpoints. Never throws for anything a provider or the network
 * does; every outcome is a value. Endpoints are passed in already resolved (templates filled, and for a
 * callback taken from the stored flow, never from the callback: docs/security.md §4).
 *
 * @example
 * const oauth = new OAuthClient(new OAuthHttpClient({ fetch, timeoutMs: 10_000 }), () => Date.now());
 * const outcome = await oauth.refresh(provider, tokenUrl, { clientId, clientSecret }, refreshToken);
 * if (outcome.ok) save(outcome.tokens);
 * else if (outcome.kind === 'invalid_grant') markNeedsReauthorization(); // after re-reading storage (§9)
 */
export class OAuthClient {
  readonly #http: OAuthHttpClient;
  readonly #now: () => number;
  readonly #telemetry: Telemetry;

  constructor(http: OAuthHttpClient, now: () => number, telemetry: Telemetry = NO_TELEMETRY) {
    this.#http = http;
    this.#now = now;
    this.#telemetry = telemetry;
  }

  /** Redeems an authorization code (RFC 6749 §4.1.3). Call once per code: a failed exchange is not retried. */
  exchangeCode(
    provider: ProviderDefinition,
    endpoint: string,
    client: ClientCredentials,
    p: { code: string; redirectUri: string; codeVerifier: string | null },
  ): Promise<TokenOutcome> {
    return this.#token('exchange', provider, endpoint, client, {
      grantType: 'authorization_code',
      code: p.code,
      redirectUri: p.redirectUri,
      codeVerifier: p.codeVerifier,
    });
  }

  /**
   * Exchanges a refresh token for new tokens (RFC 6749 §6). `refreshToken: null` in the result means keep the
   * old one. `redirectUri` is repeated only to providers that want it (`oauth.redirectUriOnRefresh`, GitLab).
   */
  refresh(
    provider: ProviderDefinition,
    endpoint: string,
    client: ClientCredentials,
    refreshToken: string,
    redirectUri: string | null = null,
  ): Promise<TokenOutcome> {
    return this.#token('refresh', provider, endpoint, client, { grantType: 'refresh_token', refreshToken, redirectUri });
  }

  /** Gets a token for the client itself (RFC 6749 §4.4). */
  clientCredentials(
    provider: ProviderDefinition,
    endpoint: string,
    client: ClientCredentials,
    scopes: readonly string[],
  ): Promise<TokenOutcome> {
    return this.#token('client_credentials', provider, endpoint, client, { grantType: 'client_credentials', scopes });
  }

  /**
   * Revokes a token the way the provider documents (`oauth.revocation`; RFC 7009 by default). Callers
   * erase their copy whatever the outcome (docs/security.md §11).
   */
  async revoke(
    provider: ProviderDefinition,
    endpoint: string,
    client: ClientCredentials,
    token: string,
    hint: 'refresh_token' | 'access_token',
  ): Promise<RevocationOutcome> {
    const revocation = oauthOf(provider).revocation;
    if (!revocation) return { ok: false, kind: 'rejected', status: null, detail: 'no_revocation_endpoint' };
    const res = await this.#send('revoke', provider, buildRevocationRequest(revocation, endpoint, token, hint, client));
    if (!res.ok) return { ok: false, kind: 'temporary', status: null, detail: `${res.reason}: ${res.detail}` };
    const outcome = processRevocationResponse(res);
    return outcome.ok ? outcome : { ...outcome, detail: redactSecrets(outcome.detail, [token, client.clientSecret]) };
  }

  async #token(
    kind: ProviderCallKind,
    provider: ProviderDefinition,
    endpoint: string,
    client: ClientCredentials,
    grant: TokenGrant,
  ): Promise<TokenOutcome> {
    const request: OutboundRequest = buildTokenRequest(provider, endpoint, grant, client);
    // expires_in counts from when the provider answered; the time we asked is the conservative reading.
    const askedAt = this.#now();
    const res = await this.#send(kind, provider, request);
    if (!res.ok) return { ok: false, kind: 'temporary', reason: res.reason, status: null, retryAfterSeconds: null };
    return scrub(processTokenResponse(provider, res, grant.grantType, askedAt), [...grantSecrets(grant), client.clientSecret]);
  }

  /** Every provider call goes through here, so each one is timed (provider call latency on `/metrics`). */
  async #send(kind: ProviderCallKind, provider: ProviderDefinition, request: OutboundRequest) {
    const started = performance.now();
    const res = await this.#http.send(request);
    this.#telemetry.providerCall(provider.slug, kind, res.ok ? 'answered' : res.reason, (performance.now() - started) / 1000);
    return res;
  }
}

function grantSecrets(grant: TokenGrant): Array<string | null> {
  switch (grant.grantType) {
    case 'authorization_code':
      return [grant.code, grant.codeVerifier];
    case 'refresh_token':
      return [grant.refreshToken];
    case 'client_credentials':
      return [];
  }
}

/** A provider may echo what it was sent into `error_description`; the outcome must not carry it on. */
function scrub(outcome: TokenOutcome, secrets: Array<string | null>): TokenOutcome {
  if (outcome.ok) return outcome;
  switch (outcome.kind) {
    case 'invalid_grant':
    case 'rejected':
      return {
        ...outcome,
        error: redactSecrets(outcome.error, secrets),
        description: outcome.description === null ? null : redactSecrets(outcome.description, secrets),
      };
    case 'malformed':
      return { ...outcome, detail: redactSecrets(outcome.detail, secrets) };
    case 'temporary':
      return outcome;
  }
}
