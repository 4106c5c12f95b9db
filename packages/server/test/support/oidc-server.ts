/**
 * A REAL OAuth 2.0 / OpenID Connect authorization server for tests and local demos:
 * oidc-provider 8.8.1 (the last line that runs on Node 20) behind a node:http server on 127.0.0.1.
 *
 * - clients can be registered at any time (`registerClient`), backed by a per-server in-memory adapter
 *   (oidc-provider's own memory adapter is a process-wide LRU shared by every provider instance);
 * - minimal built-in login/consent pages (any login name, any password) that can also be driven
 *   headlessly with `login()`; they speak the same form protocol as oidc-provider's devInteractions
 *   (`POST /interaction/:uid` with `prompt=login&login=<name>&password=…` / `prompt=consent`,
 *   `GET /interaction/:uid/abort` to deny), without its "development-only" console warnings;
 * - opaque access tokens, refresh tokens for every client allowed the `refresh_token` grant
 *   (no `offline_access`/`prompt=consent` needed), refresh-token rotation on by default;
 * - counters fed by the provider's `grant.*` events.
 *
 * Nothing in here depends on vitest, so scripts (scripts/demo-provider.ts) can use it too.
 */
import { generateKeyPair, randomBytes, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import Provider, {
  type Adapter,
  type AdapterPayload,
  type ClientMetadata,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { CookieJar, fetchFollow } from './cookie-jar.ts';

export type TokenEndpointAuthMethod = 'client_secret_post' | 'client_secret_basic';

export interface OidcClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Required when the client may use the authorization_code grant. */
  redirectUris?: string[];
  /**
   * Default `client_secret_post`. NB: oidc-provider 8 accepts client_secret_basic and client_secret_post
   * interchangeably for either registration; check `tokenLog[].authMethod` to assert the method used.
   */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Default `['authorization_code', 'refresh_token']`. */
  grantTypes?: string[];
}

export interface OidcServerOptions {
  /** Lifetime of access tokens (and client_credentials tokens). Default 60. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of each refresh token (renewed on rotation). Default 14 days. */
  refreshTokenTtlSeconds?: number;
  /** Rotate refresh tokens on every use. Default true. */
  rotateRefreshToken?: boolean;
  /** Supported scopes. Default `['openid', 'offline_access', 'profile', 'email', 'read', 'write']`. */
  scopes?: string[];
  /** Port on 127.0.0.1. Default 0 (a free port). */
  port?: number;
  /** Clients to register right away. */
  clients?: OidcClientRegistration[];
}

export interface OidcServerCounts {
  /** Successful token endpoint grants (any grant type). */
  grantSuccess: number;
  /** Token endpoint errors reported by the provider as `grant.error` (4xx OAuth errors). */
  grantError: number;
  /** Grants revoked: revocation endpoint, refresh-token reuse detection, logout. */
  grantRevoked: number;
  /** Successful authorization_code grants. */
  codeGrants: number;
  /** Successful refresh_token grants. */
  refreshGrants: number;
  /** Successful client_credentials grants. */
  clientCredentialsGrants: number;
  /** Every request that reached the token endpoint, whatever its outcome. */
  tokenRequests: number;
  /** Every request that reached the revocation endpoint. */
  revocationRequests: number;
}

export interface TokenLogEntry {
  grantType: string | null;
  clientId: string | null;
  authMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
  outcome: 'success' | (string & {});
}

export interface OidcServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  issuer: string;
  port: number;
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl: string;
  introspectionUrl: string;
  userinfoUrl: string;
  /** Registers (or replaces) a client; takes effect immediately. Throws on invalid metadata. */
  registerClient(client: OidcClientRegistration): void;
  counts: OidcServerCounts;
  /** One entry per `grant.error` event (`detail` is the provider's internal reason, never sent to clients). */
  errors: { error: string; grantType: string | null; description?: string; detail?: string }[];
  /**
   * One entry per token endpoint request that got past parameter parsing, in order: which client, how it
   * authenticated (oidc-provider 8 accepts client_secret_basic and client_secret_post interchangeably for
   * a client registered with either, so assert the method here), and 'success' or the OAuth error code.
   */
  tokenLog: TokenLogEntry[];
  /** Unexpected (500) errors inside the provider, any route. Should stay empty. */
  serverErrors: unknown[];
  resetCounts(): void;
  /** Makes every access token and client_credentials token issued so far expired (introspection/userinfo reject them). */
  expireAccessTokensNow(): void;
  /**
   * Drives the login and consent pages headlessly and returns the final redirect URL to the client's
   * redirect_uri (with `code`, `state`, `iss` — or `error`), WITHOUT requesting it.
   * Uses (and fills) `jar`; use a fresh jar per end user — with an existing session the login page
   * is skipped, with an existing grant covering the scopes the consent page is skipped too.
   */
  login(authorizationRequestUrl: string, jar: CookieJar, opts?: { account?: string; deny?: boolean }): Promise<string>;
  provider: Provider;
  close(): Promise<void>;
}

const DEFAULT_SCOPES = ['openid', 'offline_access', 'profile', 'email', 'read', 'write'];
const DAY = 24 * 60 * 60;

// ---------------------------------------------------------------------------------------------
// Per-server in-memory adapter

interface Entry {
  payload: AdapterPayload;
  /** epoch ms, undefined = no expiry */
  expiresAt: number | undefined;
}

class MemoryStore {
  readonly entries = new Map<string, Entry>();
  /** grantId → keys of the tokens issued under it */
  readonly grants = new Map<string, Set<string>>();
  /** Session uid → Session id */
  readonly sessionUids = new Map<string, string>();
  readonly userCodes = new Map<string, string>();

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresInSeconds: number | undefined): void {
    const expiresAt = expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : undefined;
    this.entries.set(key, { payload, expiresAt });
  }
}

const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

class MemoryAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: MemoryStore,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    if (this.model === 'Session' && payload.uid) this.store.sessionUids.set(payload.uid, id);
    if (GRANTABLE.has(this.model) && payload.grantId) {
      const keys = this.store.grants.get(payload.grantId) ?? new Set<string>();
      this.store.grants.set(payload.grantId, keys);
      keys.add(key);
    }
    if (payload.userCode) this.store.userCodes.set(payload.userCode, id);
    this.store.set(key, payload, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = this.store.sessionUids.get(uid);
    return id === undefined ? undefined : this.find(id);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = this.store.userCodes.get(userCode);
    return id === undefined ? undefined : this.find(id);
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    const keys = this.store.grants.get(grantId);
    if (!keys) return;
    for (const key of keys) this.store.entries.delete(key);
    this.store.grants.delete(grantId);
  }
}

// ---------------------------------------------------------------------------------------------
// Signing key (id_tokens): one RSA key per process, generated lazily.

let signingKey: Promise<JsonWebKey> | undefined;
function getSigningKey(): Promise<JsonWebKey> {
  signingKey ??= new Promise<JsonWebKey>((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, _publicKey, privateKey) => {
      if (err) reject(err);
      else resolve({ ...privateKey.export({ format: 'jwk' }), kid: 'openpipes-test-rs256', use: 'sig', alg: 'RS256' });
    });
  });
  return signingKey;
}

// ---------------------------------------------------------------------------------------------
// Interaction pages

function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
input,button{display:block;width:100%;margin:.5rem 0;padding:.5rem;font-size:1rem;box-sizing:border-box}
a{display:block;text-align:center;margin-top:1rem}.hint{color:#666;font-size:.9rem}</style></head>
<body>${body}</body></html>`;
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(text);
}

function createInteractionHandler(provider: Provider) {
  return async function handleInteraction(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const match = /^\/interaction\/([^/]+)(\/abort)?$/.exec(pathname);
    if (!match) return sendText(res, 404, 'not found');
    const [, uid, abort] = match;
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) return sendText(res, 400, 'interaction mismatch');
      const promptName = details.prompt.name;

      if (abort) {
        if (req.method !== 'GET' && req.method !== 'POST') return sendText(res, 405, 'method not allowed');
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'End-User aborted interaction' },
          { mergeWithLastSubmission: false },
        );
        return;
      }

      if (req.method === 'GET') {
        const clientId = String(details.params.client_id ?? '');
        const scope = String(details.params.scope ?? '');
        const abortHref = `/interaction/${encodeURIComponent(uid!)}/abort`;
        let body: string;
        if (promptName === 'login') {
          body = `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(clientId)}</strong></p>
<form method="post" action="/interaction/${escapeHtml(uid)}" autocomplete="off" data-prompt="login">
<input type="hidden" name="prompt" value="login">
<input required type="text" name="login" placeholder="Any login name" autofocus>
<input type="password" name="password" placeholder="Any password">
<button type="submit">Sign in</button></form>
<p class="hint">Local test authorization server: any login name with any password works.</p>
<a href="${escapeHtml(abortHref)}">Cancel</a>`;
        } else if (promptName === 'consent') {
          body = `<h1>Authorize</h1>
<p><strong>${escapeHtml(clientId)}</strong> asks for: <code>${escapeHtml(scope || '(no scope)')}</code></p>
<p>Signed in as <strong>${escapeHtml(details.session?.accountId ?? '')}</strong></p>
<form method="post" action="/interaction/${escapeHtml(uid)}" data-prompt="consent">
<input type="hidden" name="prompt" value="consent">
<button type="submit" autofocus>Allow</button></form>
<a href="${escapeHtml(abortHref)}">Deny</a>`;
        } else {
          return sendText(res, 501, `prompt ${promptName} not implemented`);
        }
        res.statusCode = 200;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(page(promptName === 'login' ? 'Sign in' : 'Authorize', body));
        return;
      }

      if (req.method !== 'POST') return sendText(res, 405, 'method not allowed');
      const form = new URLSearchParams(await readBody(req));
      const submitted = form.get('prompt');
      if (submitted !== promptName) return sendText(res, 400, `expected prompt=${promptName}, got prompt=${String(submitted)}`);

      if (promptName === 'login') {
        const login = (form.get('login') ?? '').trim();
        if (!login) return sendText(res, 400, 'login is required');
        await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
        return;
      }

      // consent: grant whatever is missing, like oidc-provider's devInteractions do
      const { grantId, session, params } = details;
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      const grant = grantId
        ? await provider.Grant.find(grantId)
        : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
      if (!grant) return sendText(res, 400, 'grant not found');
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      if (missing.missingResourceScopes) {
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
          grant.addResourceScope(indicator, scopes.join(' '));
        }
      }
      const savedGrantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId: savedGrantId } }, { mergeWithLastSubmission: true });
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendText(res, 400, `interaction error: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

// ---------------------------------------------------------------------------------------------

function clientMetadata(c: OidcClientRegistration): ClientMetadata {
  const grantTypes = c.grantTypes ?? ['authorization_code', 'refresh_token'];
  const usesCode = grantTypes.includes('authorization_code');
  return {
    client_id: c.clientId,
    client_secret: c.clientSecret,
    redirect_uris: usesCode ? (c.redirectUris ?? []) : [],
    response_types: usesCode ? ['code'] : [],
    grant_types: grantTypes,
    token_endpoint_auth_method: c.tokenEndpointAuthMethod ?? 'client_secret_post',
  };
}

export async function startOidcServer(opts: OidcServerOptions = {}): Promise<OidcServer> {
  const accessTtl = opts.accessTokenTtlSeconds ?? 60;
  const refreshTtl = opts.refreshTokenTtlSeconds ?? 14 * DAY;
  const scopes = opts.scopes ?? DEFAULT_SCOPES;
  const store = new MemoryStore();
  const jwk = await getSigningKey();

  const httpServer: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 0, '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const configuration: Configuration = {
    adapter: (name: string) => new MemoryAdapter(name, store),
    jwks: { keys: [jwk] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // 'lax' instead of the default 'none' for the session cookie: SameSite=None without Secure is
      // rejected by browsers, and everything here is plain http.
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    scopes,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, name: sub, preferred_username: sub, email: `${sub}@example.test`, email_verified: true };
        },
      };
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        allowedPolicy: async (ctx, client, token) => !(client.clientAuthMethod === 'none' && token.clientId !== ctx.oidc.client?.clientId),
      },
      userinfo: { enabled: true },
    },
    pkce: { methods: ['S256'], required: () => false },
    rotateRefreshToken: opts.rotateRefreshToken ?? true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Refresh tokens outlive the browser session that created them (default: only with offline_access).
    expiresWithSession: async () => false,
    ttl: {
      AccessToken: accessTtl,
      ClientCredentials: accessTtl,
      IdToken: Math.max(accessTtl, 60),
      AuthorizationCode: 60,
      RefreshToken: refreshTtl,
      Grant: Math.max(refreshTtl, 14 * DAY),
      Session: DAY,
      Interaction: 60 * 60,
    },
    // oidc-provider's default is 15 s of leeway on `exp`, also for opaque tokens: an access token with a
    // 1 s TTL would stay valid at userinfo/introspection for 16 s.
    clockTolerance: 0,
    clientBasedCORS: () => true,
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page(
        'Error',
        `<h1>Error</h1>${Object.entries(out)
          .map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</p>`)
          .join('')}`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);

  const counts: OidcServerCounts = {
    grantSuccess: 0,
    grantError: 0,
    grantRevoked: 0,
    codeGrants: 0,
    refreshGrants: 0,
    clientCredentialsGrants: 0,
    tokenRequests: 0,
    revocationRequests: 0,
  };
  const errors: OidcServer['errors'] = [];
  const serverErrors: unknown[] = [];
  const tokenLog: TokenLogEntry[] = [];

  const grantTypeOf = (ctx: KoaContextWithOIDC): string | null => {
    const value = (ctx.oidc?.params as Record<string, unknown> | undefined)?.grant_type;
    return typeof value === 'string' ? value : null;
  };
  const logToken = (ctx: KoaContextWithOIDC, outcome: string) => {
    const params = ctx.oidc?.params as Record<string, unknown> | undefined;
    const authorization = ctx.get('authorization');
    const clientId = ctx.oidc?.client?.clientId ?? (typeof params?.client_id === 'string' ? params.client_id : null);
    tokenLog.push({
      grantType: grantTypeOf(ctx),
      clientId,
      authMethod: /^basic /i.test(authorization)
        ? 'client_secret_basic'
        : params?.client_secret !== undefined
          ? 'client_secret_post'
          : 'none',
      outcome,
    });
  };
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    logToken(ctx, 'success');
    counts.grantSuccess++;
    const grantType = grantTypeOf(ctx);
    if (grantType === 'authorization_code') counts.codeGrants++;
    else if (grantType === 'refresh_token') counts.refreshGrants++;
    else if (grantType === 'client_credentials') counts.clientCredentialsGrants++;
  });
  provider.on('grant.error', (ctx: KoaContextWithOIDC, err: { error?: string; error_description?: string; error_detail?: string }) => {
    logToken(ctx, String(err.error ?? 'unknown'));
    counts.grantError++;
    const entry: OidcServer['errors'][number] = { error: String(err.error ?? 'unknown'), grantType: grantTypeOf(ctx) };
    if (err.error_description) entry.description = err.error_description;
    // error_detail is the server-side reason (e.g. 'refresh token already used'); it is not sent to the client
    if (err.error_detail) entry.detail = err.error_detail;
    errors.push(entry);
  });
  provider.on('grant.revoked', () => {
    counts.grantRevoked++;
  });
  provider.on('server_error', (_ctx: unknown, err: unknown) => {
    serverErrors.push(err);
  });

  const providerCallback = provider.callback();
  const handleInteraction = createInteractionHandler(provider);
  const sockets = new Set<Socket>();
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', issuer).pathname;
    if (pathname === '/token') counts.tokenRequests++;
    else if (pathname === '/token/revocation') counts.revocationRequests++;
    if (pathname.startsWith('/interaction/')) {
      void handleInteraction(req, res, pathname);
      return;
    }
    void providerCallback(req, res);
  });

  const registerClient = (c: OidcClientRegistration): void => {
    const metadata = clientMetadata(c);
    // Validate now (the constructor throws InvalidClientMetadata synchronously) instead of failing at
    // first use; @types/oidc-provider does not declare the constructor.
    const ClientClass = provider.Client as unknown as new (metadata: ClientMetadata) => unknown;
    new ClientClass(metadata);
    store.set(`Client:${c.clientId}`, metadata as unknown as AdapterPayload, undefined);
  };
  for (const c of opts.clients ?? []) registerClient(c);

  const isRedirect = (status: number) => status >= 300 && status < 400;

  const login: OidcServer['login'] = async (authorizationRequestUrl, jar, { account = 'alice', deny = false } = {}) => {
    const authUrl = new URL(authorizationRequestUrl);
    const redirectUri = authUrl.searchParams.get('redirect_uri');
    const redirectTarget = redirectUri ? new URL(redirectUri) : undefined;
    const issuerOrigin = new URL(issuer).origin;
    // Stop at the client's redirect_uri (or anything that leaves the authorization server).
    const stopAt = (u: URL) =>
      u.origin !== issuerOrigin ||
      (redirectTarget !== undefined && u.origin === redirectTarget.origin && u.pathname === redirectTarget.pathname);

    let { response, url, stopped } = await fetchFollow(jar, authUrl, {}, { stopAt });
    for (let step = 0; step < 10; step++) {
      if (stopped && isRedirect(response.status)) return url.href;
      const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
      const text = await response.text();
      if (url.origin !== issuerOrigin || !interaction || response.status !== 200) {
        throw new Error(`login(): unexpected response ${response.status} at ${url.href}: ${text.slice(0, 500)}`);
      }
      const uid = interaction[1]!;
      const prompt = /name="prompt" value="([a-z_]+)"/.exec(text)?.[1];
      if (deny) {
        ({ response, url, stopped } = await fetchFollow(jar, `${issuer}/interaction/${uid}/abort`, {}, { stopAt }));
        continue;
      }
      let form: URLSearchParams;
      if (prompt === 'login') form = new URLSearchParams({ prompt: 'login', login: account, password: 'x' });
      else if (prompt === 'consent') form = new URLSearchParams({ prompt: 'consent' });
      else throw new Error(`login(): unknown interaction page at ${url.href}: ${text.slice(0, 500)}`);
      ({ response, url, stopped } = await fetchFollow(
        jar,
        `${issuer}/interaction/${uid}`,
        { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        { stopAt },
      ));
    }
    throw new Error('login(): too many interaction steps');
  };

  const expireAccessTokensNow = (): void => {
    const past = Math.floor(Date.now() / 1000) - 1;
    for (const [key, entry] of store.entries) {
      if (key.startsWith('AccessToken:') || key.startsWith('ClientCredentials:')) entry.payload.exp = past;
    }
  };

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
    return closed;
  };

  return {
    issuer,
    port,
    authorizationUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    revocationUrl: `${issuer}/token/revocation`,
    introspectionUrl: `${issuer}/token/introspection`,
    userinfoUrl: `${issuer}/me`,
    registerClient,
    counts,
    errors,
    tokenLog,
    serverErrors,
    resetCounts() {
      for (const key of Object.keys(counts) as (keyof OidcServerCounts)[]) counts[key] = 0;
      errors.length = 0;
      tokenLog.length = 0;
      serverErrors.length = 0;
    },
    expireAccessTokensNow,
    login,
    provider,
    close,
  };
}

export { CookieJar };
