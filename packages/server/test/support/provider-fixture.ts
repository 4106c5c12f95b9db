/**
 * Provider conformance fixtures and the local server that behaves as one says.
 *
 * A fixture (test/fixtures/providers/<slug>.ts) is written from the provider's own documentation,
 * independently of the catalog entry: how the authorization request looks, how the token endpoint
 * wants its requests encoded and the client authenticated, what it answers, how a refresh and a
 * revocation are made. `startFixtureServer` answers as the fixture says and records every way a
 * request disagrees with it (`problems`); provider-conformance.test.ts drives the real service
 * against it with every provider URL rewritten to the server (`fetch`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FetchLike } from '../../src/oauth/http-client.ts';
import { sha256Base64Url } from '../../src/oauth/pkce.ts';

/** What the provider documents for client authentication at its token endpoint. */
export type FixtureClientAuth =
  /** client_id and client_secret as request parameters (client_secret_post), no Basic header. */
  | 'body'
  /** HTTP Basic (client_secret_basic), no client_secret parameter. */
  | 'basic'
  /** Either way is documented; exactly one of them must be used. */
  | 'either'
  /** Both at once: a Basic header AND the id and secret as parameters. */
  | 'both';

export interface ProviderFixture {
  slug: string;
  /** The provider's pages the shapes come from. */
  docs: string[];
  /** Config values a connection needs (e.g. `{ subdomain: 'acme' }`): integration- or installation-scope. */
  config?: Record<string, string>;
  authorize: {
    /** Parameters the authorization request must carry. */
    required: string[];
    scopeSeparator: string;
    /** S256 challenge on the authorization request and the verifier on the code exchange. */
    pkce: boolean;
    /** The parameter that carries the scopes, when it is not `scope` (Slack: `user_scope`). */
    scopeParam?: string;
  };
  /** Parameters the provider adds to the redirect back besides code and state (QuickBooks: `realmId`). */
  callback?: Record<string, string>;
  token: {
    encoding: 'form' | 'json' | 'query';
    clientAuth: FixtureClientAuth;
    /** The documented example answer, with fake values. */
    response: Record<string, unknown>;
  };
  /** `null`: the provider issues no refresh tokens. */
  refresh: {
    response: Record<string, unknown>;
    /** The refresh request must repeat `redirect_uri` (GitLab). */
    redirectUri?: boolean;
  } | null;
  /** `null`: the provider documents no way to revoke a token. */
  revoke: {
    method: 'POST' | 'DELETE';
    /** `bearer`: the access token being revoked is the Bearer credential; `either`: body or Basic, one of them. */
    auth: 'body' | 'basic' | 'either' | 'bearer' | 'none';
    encoding: 'form' | 'json' | 'none';
    /** The parameter holding the token; ignored with `bearer` and `none` encoding. */
    tokenField: string;
    /** With `body` auth: the parameter names of the client id and secret when not `client_id`/`client_secret` (Miro). */
    clientFields?: { id: string; secret: string };
  } | null;
  /**
   * Disagreements already reported to the entry's owner, so the suite stays usable meanwhile. The test
   * fails when one of them is no longer seen: remove it once the entry is fixed.
   */
  knownDisagreements?: string[];
}

export interface FixtureServer {
  /** A `FetchLike` that sends every request to this server instead of the provider (the original URL travels along). */
  fetch: FetchLike;
  /** Every way a request disagreed with the fixture, in words. */
  problems: string[];
  /** What was asked, in order: `exchange`, `refresh`, `revoke`. */
  calls: string[];
  /** Tells the server the code and PKCE challenge the next exchange must carry. */
  expectExchange(p: { code: string; redirectUri: string; challenge: string | null }): void;
  close(): Promise<void>;
}

const ORIGINAL_URL = 'x-fixture-original-url';
const OAUTH_PARAMS = ['grant_type', 'code', 'refresh_token', 'client_id', 'client_secret', 'redirect_uri', 'code_verifier'];

interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Starts a server on 127.0.0.1 that answers as `fixture` says, for the client `client`. */
export async function startFixtureServer(
  fixture: ProviderFixture,
  client: { clientId: string; clientSecret: string },
): Promise<FixtureServer> {
  const problems: string[] = [];
  const calls: string[] = [];
  let expected: { code: string; redirectUri: string; challenge: string | null } | null = null;
  const issued = collectTokens(fixture);
  const problem = (text: string) => problems.push(`${fixture.slug}: ${text}`);

  const handle = (req: Received): { status: number; body: unknown } => {
    const grant = grantTypeOf(req);
    const params = grant === null ? {} : readParams(req, fixture.token.encoding, problem);
    if (grant === 'authorization_code') {
      calls.push('exchange');
      checkClientAuth(fixture.token.clientAuth, req, params, client, 'code exchange', problem);
      if (!expected) problem('a code exchange came before any authorization');
      else {
        if (params.code !== expected.code) problem(`code exchange sent code ${JSON.stringify(params.code)}`);
        if (params.redirect_uri !== expected.redirectUri) problem('code exchange did not repeat the redirect_uri');
        const verifier = params.code_verifier;
        if (fixture.authorize.pkce && (verifier === undefined || sha256Base64Url(verifier) !== expected.challenge))
          problem('code exchange carried no code_verifier matching the S256 challenge');
        if (!fixture.authorize.pkce && verifier !== undefined) problem('code exchange sent a code_verifier to a provider without PKCE');
      }
      return { status: 200, body: fixture.token.response };
    }
    if (grant === 'refresh_token') {
      calls.push('refresh');
      if (!fixture.refresh) {
        problem('a refresh was sent to a provider that issues no refresh tokens');
        return { status: 400, body: { error: 'unsupported_grant_type' } };
      }
      checkClientAuth(fixture.token.clientAuth, req, params, client, 'refresh', problem);
      if (!issued.refresh.includes(params.refresh_token ?? '')) problem('refresh sent a refresh_token the provider never issued');
      const sentRedirect = params.redirect_uri !== undefined;
      if (fixture.refresh.redirectUri && !sentRedirect) problem('refresh did not repeat the redirect_uri');
      return { status: 200, body: fixture.refresh.response };
    }
    calls.push('revoke');
    checkRevocation(fixture, req, client, issued, problem);
    return { status: req.method === 'DELETE' ? 204 : 200, body: req.method === 'DELETE' ? undefined : {} };
  };

  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const original = String(req.headers[ORIGINAL_URL] ?? '');
      let answer: { status: number; body: unknown };
      try {
        answer = handle({
          method: req.method ?? 'GET',
          url: new URL(original),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      } catch (e) {
        problem(`the server could not read a request: ${(e as Error).message}`);
        answer = { status: 400, body: { error: 'invalid_request' } };
      }
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fetch: FetchLike = async (url, init) => {
    const res = await globalThis.fetch(`${base}/`, {
      method: init.method,
      headers: { ...init.headers, [ORIGINAL_URL]: url },
      ...(init.body !== undefined ? { body: init.body } : {}),
      redirect: 'manual',
      ...(init.signal ? { signal: init.signal } : {}),
    });
    return res;
  };

  return {
    fetch,
    problems,
    calls,
    expectExchange(p) {
      expected = p;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** The tokens the fixture's answers hand out (top level or nested one level, as Slack nests its user token). */
function collectTokens(fixture: ProviderFixture): { access: string[]; refresh: string[] } {
  const access: string[] = [];
  const refresh: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > 1) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'access_token' && typeof child === 'string') access.push(child);
      else if (key === 'refresh_token' && typeof child === 'string') refresh.push(child);
      else visit(child, depth + 1);
    }
  };
  visit(fixture.token.response, 0);
  if (fixture.refresh) visit(fixture.refresh.response, 0);
  return { access, refresh };
}

/** The grant_type of a token request wherever it was put (query, form or JSON body); `null` for anything else. */
function grantTypeOf(req: Received): string | null {
  const inQuery = req.url.searchParams.get('grant_type');
  if (inQuery !== null) return inQuery;
  const body = req.body.trim();
  if (body.startsWith('{')) {
    try {
      const value = (JSON.parse(body) as { grant_type?: unknown }).grant_type;
      return typeof value === 'string' ? value : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(body).get('grant_type');
}

const contentType = (req: Received): string =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();

/** The request's parameters, read from where the fixture's encoding puts them; misplaced ones are problems. */
function readParams(req: Received, encoding: 'form' | 'json' | 'query', problem: (text: string) => void): Record<string, string> {
  const inQuery = OAUTH_PARAMS.filter((name) => req.url.searchParams.has(name));
  if (encoding === 'query') {
    if (!req.url.searchParams.has('grant_type')) {
      problem('token parameters were sent in a body; the provider takes them in the query string');
      return req.body.trim().startsWith('{') ? {} : Object.fromEntries(new URLSearchParams(req.body));
    }
    if (req.body.trim() !== '') problem('a query-string token request also carried a body');
    return Object.fromEntries(req.url.searchParams);
  }
  if (inQuery.length > 0 && req.body === '') {
    problem(`token parameters (${inQuery.join(', ')}) were sent in the query string, not a ${encoding} body`);
    return Object.fromEntries(req.url.searchParams);
  }
  if (req.body === '') return {};
  const type = contentType(req);
  if (encoding === 'json') {
    if (type !== 'application/json') problem(`a JSON token endpoint was sent content-type ${type || '(none)'}`);
    try {
      const parsed: unknown = JSON.parse(req.body);
      return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    } catch {
      problem('a JSON token endpoint was sent a body that is not JSON');
      return Object.fromEntries(new URLSearchParams(req.body));
    }
  }
  if (type !== 'application/x-www-form-urlencoded') problem(`a form token endpoint was sent content-type ${type || '(none)'}`);
  if (req.body.trim().startsWith('{')) {
    problem('a form token endpoint was sent a JSON body');
    return Object.fromEntries(Object.entries(JSON.parse(req.body) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(req.body));
}

/** The Basic credentials of a request, decoded; `null` without a Basic header. */
function basicOf(req: Received): { id: string; secret: string } | null {
  const header = String(req.headers.authorization ?? '');
  if (!header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const form = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return { id: form(decoded.slice(0, colon)), secret: form(decoded.slice(colon + 1)) };
}

function checkClientAuth(
  kind: FixtureClientAuth,
  req: Received,
  params: Record<string, string>,
  client: { clientId: string; clientSecret: string },
  what: string,
  problem: (text: string) => void,
): void {
  const basic = basicOf(req);
  const basicOk = basic !== null && basic.id === client.clientId && basic.secret === client.clientSecret;
  const bodyOk = params.client_id === client.clientId && params.client_secret === client.clientSecret;
  const secretInParams = params.client_secret !== undefined;
  if (basic !== null && !basicOk) problem(`${what}: the Basic credentials are not the client's`);
  switch (kind) {
    case 'body':
      if (!bodyOk) problem(`${what}: client_id and client_secret must be request parameters`);
      if (basic !== null) problem(`${what}: sent a Basic header to a provider that takes the client in the parameters`);
      break;
    case 'basic':
      if (!basicOk) problem(`${what}: the client must authenticate with HTTP Basic`);
      if (secretInParams) problem(`${what}: sent client_secret as a parameter to a provider that takes HTTP Basic`);
      break;
    case 'either':
      if (!basicOk && !bodyOk) problem(`${what}: the client did not authenticate`);
      if (basicOk && secretInParams) problem(`${what}: the client authenticated twice (RFC 6749 §2.3: one method)`);
      break;
    case 'both':
      if (!basicOk || !bodyOk) problem(`${what}: the provider wants both a Basic header and client_id/client_secret parameters`);
      break;
  }
}

function checkRevocation(
  fixture: ProviderFixture,
  req: Received,
  client: { clientId: string; clientSecret: string },
  issued: { access: string[]; refresh: string[] },
  problem: (text: string) => void,
): void {
  const doc = fixture.revoke;
  if (!doc) {
    problem(`a revocation (${req.method} ${req.url.pathname}) was sent to a provider that documents none`);
    return;
  }
  if (req.method !== doc.method) problem(`revocation used ${req.method}, the provider documents ${doc.method}`);
  const type = contentType(req);
  let params: Record<string, string> = {};
  if (doc.encoding === 'none') {
    if (req.body !== '') problem('revocation sent a body to an endpoint that takes none');
  } else if (doc.encoding === 'json') {
    if (type !== 'application/json') problem(`revocation sent content-type ${type || '(none)'}, the provider takes JSON`);
    try {
      params = Object.fromEntries(Object.entries(JSON.parse(req.body || '{}') as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    } catch {
      problem('revocation body is not JSON');
    }
  } else {
    if (type !== 'application/x-www-form-urlencoded')
      problem(`revocation sent content-type ${type || '(none)'}, the provider takes a form`);
    params = Object.fromEntries(new URLSearchParams(req.body));
  }
  const bearer = String(req.headers.authorization ?? '').startsWith('Bearer ') ? String(req.headers.authorization).slice(7) : null;
  const basic = basicOf(req);
  const all = [...issued.access, ...issued.refresh];
  const names = doc.clientFields ?? { id: 'client_id', secret: 'client_secret' };
  const basicOk = basic !== null && basic.id === client.clientId && basic.secret === client.clientSecret;
  const bodyOk = params[names.id] === client.clientId && params[names.secret] === client.clientSecret;
  switch (doc.auth) {
    case 'bearer':
      if (bearer === null || !issued.access.includes(bearer)) problem('revocation must present the access token as its Bearer credential');
      break;
    case 'basic':
      if (!basicOk) problem('revocation must authenticate the client with HTTP Basic');
      break;
    case 'body':
      if (!bodyOk) problem(`revocation must carry ${names.id} and ${names.secret} as parameters`);
      break;
    case 'either':
      if (basicOk === bodyOk) problem('revocation must authenticate the client one way: HTTP Basic or parameters');
      break;
    case 'none':
      if (basic !== null || params.client_secret !== undefined) problem('revocation sent the client secret to an endpoint that needs none');
      break;
  }
  if (doc.auth !== 'bearer' && doc.encoding !== 'none' && !all.includes(params[doc.tokenField] ?? ''))
    problem(`revocation did not carry an issued token in "${doc.tokenField}"`);
}

/**
 * Where the authorization URL the service sent the browser to disagrees with the fixture: a documented
 * parameter missing, scopes joined with another separator, a PKCE challenge missing or sent to a provider
 * without PKCE.
 */
export function checkAuthorizationUrl(fixture: ProviderFixture, url: URL, scopes: readonly string[]): string[] {
  const problems: string[] = [];
  const problem = (text: string) => problems.push(`${fixture.slug}: ${text}`);
  const doc = fixture.authorize;
  for (const name of doc.required) if (!url.searchParams.has(name)) problem(`the authorization URL lacks ${name}`);
  const scopeParam = doc.scopeParam ?? 'scope';
  const sent = url.searchParams.get(scopeParam);
  if (sent !== null && sent !== scopes.join(doc.scopeSeparator))
    problem(
      `the authorization URL joins scopes as ${JSON.stringify(sent)}; the provider separates them with ${JSON.stringify(doc.scopeSeparator)}`,
    );
  const challenge = url.searchParams.get('code_challenge');
  if (doc.pkce && (challenge === null || url.searchParams.get('code_challenge_method') !== 'S256'))
    problem('the authorization URL carries no S256 code_challenge');
  if (!doc.pkce && challenge !== null) problem('the authorization URL sends a code_challenge to a provider without PKCE');
  return problems;
}
