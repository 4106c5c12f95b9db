import { createHttpError } from '../errors.js';
import { type HttpClient, type RawBody, buildQueryString, pathParam } from '../http.js';
import type { ConnectionOwner } from '../types.js';
import type { QueryParams } from '../wire.js';

/** Query parameters of a proxied call; `null`/`undefined` values are left out. */
export type ProxyQuery = URLSearchParams | QueryParams;

/** Which connection a proxied call uses, as for `getAccessToken`. */
export interface ProxyConnectionOptions {
  /** The user the call is made for (for organization connections: the member). */
  userId: string;
  organizationId?: string | undefined;
  /** `user` (default) or `organization`. */
  connectionOwner?: ConnectionOwner | undefined;
  /** One connection of several; without it, a user with several connections gets a 409 `ConflictError`. */
  connectedAccountId?: string | undefined;
}

/** Everything but the method, provider and path of a proxied call. */
export interface ProxyCallOptions extends ProxyConnectionOptions {
  query?: ProxyQuery | undefined;
  /** Headers for the provider (`Authorization` and `OpenPipes-*` are set by the SDK and the server). */
  headers?: Record<string, string> | undefined;
  /** A body sent as is (a stream is streamed). */
  body?: RawBody | undefined;
  /** A value sent as JSON (sets `Content-Type: application/json`); instead of `body`. */
  json?: unknown;
  /** Server-side retries for idempotent methods on 429/502/503/504 (`OpenPipes-Retries`, 0–5). */
  retries?: number | undefined;
  /** Time to wait for the answer's headers, in ms (the client's `timeoutMs` by default). */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** A proxied call. */
export interface ProxyRequestOptions extends ProxyCallOptions {
  /** The integration's slug, e.g. `github`. */
  provider: string;
  /** The path under the provider's API base URL, e.g. `/user/repos`. */
  path: string;
  /** Default `GET`. */
  method?: string | undefined;
}

/**
 * Calls a provider's API through the OpenPipes proxy (`/proxy/:slug/*`): the server picks the
 * connection, attaches its credential (renewing it when needed, and once more on a 401) and
 * streams the answer back.
 *
 * The provider's answer comes back as a `Response`, whatever its status: a provider's 404 is the
 * application's to read. OpenPipes' own refusals (no such connection, a path it will not send, the
 * provider unreachable, …; the server marks them `OpenPipes-Proxy-Source: openpipes`) throw the
 * SDK's usual errors instead, so the two cannot be confused.
 *
 * @example
 * ```ts
 * const res = await op.proxy.get('github', '/user/repos', { userId: 'user_123', query: { per_page: 5 } });
 * const repos = await res.json();
 * ```
 */
export class ApiProxy {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  async request(options: ProxyRequestOptions): Promise<Response> {
    const { provider, path, method = 'GET' } = options;
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
      throw new TypeError(`Invalid \`path\`: expected a path starting with "/", got ${JSON.stringify(path)}`);
    }
    const headers = new Headers(options.headers);
    // Only the options below say which connection and how often: never a stray header of the caller's.
    for (const name of [...headers.keys()]) if (name.startsWith('openpipes-')) headers.delete(name);
    for (const [name, value] of Object.entries(connectionHeaders(options))) headers.set(name, value);
    if (options.retries !== undefined) headers.set('OpenPipes-Retries', String(options.retries));
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers.set('Content-Type', 'application/json');
    }
    const response = await this.#http.raw(
      method.toUpperCase(),
      `/proxy/${pathParam('provider', provider)}${path}${queryString(options.query)}`,
      {
        headers,
        body,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      },
    );
    if (response.headers.get('openpipes-proxy-source') === 'openpipes' && response.status >= 400) {
      throw createHttpError(response.status, response.statusText, response.headers, await response.text());
    }
    return response;
  }

  /** `GET` through the proxy. */
  get(provider: string, path: string, options: ProxyCallOptions): Promise<Response> {
    return this.request({ ...options, provider, path, method: 'GET' });
  }

  /** `POST` through the proxy; pass `json` or `body` in the options. */
  post(provider: string, path: string, options: ProxyCallOptions): Promise<Response> {
    return this.request({ ...options, provider, path, method: 'POST' });
  }
}

function connectionHeaders(o: ProxyConnectionOptions): Record<string, string> {
  const h: Record<string, string> = { 'OpenPipes-User-Id': o.userId };
  if (o.organizationId !== undefined) h['OpenPipes-Organization-Id'] = o.organizationId;
  if (o.connectionOwner !== undefined) h['OpenPipes-Connection-Owner'] = o.connectionOwner;
  if (o.connectedAccountId !== undefined) h['OpenPipes-Connected-Account-Id'] = o.connectedAccountId;
  return h;
}

function queryString(query: ProxyQuery | undefined): string {
  if (!(query instanceof URLSearchParams)) return buildQueryString(query);
  const s = query.toString();
  return s === '' ? '' : `?${s}`;
}
