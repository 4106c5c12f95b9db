/**
 * Transport: URL building, headers, timeouts, retries and error mapping.
 * @internal
 * @module
 */

import { NetworkError, OpenPipesError, TimeoutError, createHttpError } from './errors.js';
import type { QueryParams } from './wire.js';

/** SDK version, sent in the `User-Agent` header. */
export const VERSION = '0.1.0';
/** Value of the `User-Agent` header. */
export const USER_AGENT = `openpipes-node/${VERSION}`;

/** Minimal view of a `fetch` response used by the SDK (the global `Response` satisfies it). */
export interface FetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Request init passed to the injected fetch. `headers` is always a plain object. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** A `fetch`-compatible function (the global `fetch` satisfies it). */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** Per-call options accepted as the last argument of every SDK method. */
export interface RequestOptions {
  /**
   * `Idempotency-Key` header value. POST requests get an automatic `op_<uuid>` key when
   * omitted; the same key is reused by every automatic retry of the call.
   */
  idempotencyKey?: string;
  /** Per-attempt timeout in milliseconds (overrides the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Maximum automatic retries for this call (overrides the client's `maxRetries`). */
  maxRetries?: number;
  /** Abort signal; aborting rejects with the signal's reason and is never retried. */
  signal?: AbortSignal;
}

/** Resolved transport settings. */
export interface HttpClientConfig {
  apiKey: string;
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** A request body the proxy can send as is (what the global `fetch` accepts). */
export type RawBody = string | Uint8Array | ArrayBuffer | Blob | FormData | URLSearchParams | ReadableStream<Uint8Array>;

/** HTTP methods used by the API. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestSpec {
  method: HttpMethod;
  path: string;
  query?: QueryParams;
  body?: unknown;
}

/** Statuses that are retried automatically. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
/** Upper bound for a server-requested `Retry-After` delay. */
const MAX_RETRY_AFTER_MS = 30_000;

/** Builds a query string: drops `null`/`undefined`/`""`, booleans become `true`/`false`. */
export function buildQueryString(query: QueryParams | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.append(key, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
  }
  const qs = params.toString();
  return qs === '' ? '' : `?${qs}`;
}

/**
 * Encodes one path parameter with `encodeURIComponent`, refusing values that would be
 * empty or change the path structure (`.`/`..`).
 */
export function pathParam(name: string, value: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new OpenPipesError(`Invalid \`${name}\`: expected a non-empty string, got ${JSON.stringify(value)}`, {
      code: 'invalid_argument',
    });
  }
  return encodeURIComponent(value);
}

/** The caller's headers with the API key set (whatever the caller put there) and a default User-Agent. */
function withClientHeaders(headers: Headers, apiKey: string): Headers {
  const h = new Headers(headers);
  h.set('Authorization', `Bearer ${apiKey}`);
  if (!h.has('User-Agent')) h.set('User-Agent', USER_AGENT);
  return h;
}

function newIdempotencyKey(): string {
  return `op_${globalThis.crypto.randomUUID()}`;
}

/** @internal */
export class HttpClient {
  readonly #config: HttpClientConfig;

  constructor(config: HttpClientConfig) {
    this.#config = config;
  }

  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /** Sends a request and returns the parsed JSON body. */
  async json(spec: RequestSpec, options?: RequestOptions): Promise<unknown> {
    const { text, status, requestId } = await this.#execute(spec, options);
    if (text.trim() === '') {
      throw new OpenPipesError(`Unexpected empty response body (HTTP ${status})`, {
        status,
        requestId,
        code: 'invalid_response',
      });
    }
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new OpenPipesError(`Unexpected non-JSON response body (HTTP ${status})`, {
        status,
        requestId,
        code: 'invalid_response',
        body: text,
        cause,
      });
    }
  }

  /** Sends a request and ignores the response body (deletes). */
  async void(spec: RequestSpec, options?: RequestOptions): Promise<void> {
    await this.#execute(spec, options);
  }

  async #execute(
    spec: RequestSpec,
    options: RequestOptions = {},
  ): Promise<{ text: string; status: number; requestId: string | undefined }> {
    const config = this.#config;
    const url = `${config.baseUrl}${spec.path}${buildQueryString(spec.query)}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${config.apiKey}`,
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
    };
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['Content-Type'] = 'application/json';
    }
    const idempotencyKey = options.idempotencyKey ?? (spec.method === 'POST' ? newIdempotencyKey() : undefined);
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;

    const maxRetries = Math.max(0, options.maxRetries ?? config.maxRetries);
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;

    for (let attempt = 0; ; attempt++) {
      let response: FetchResponse;
      let text: string;
      try {
        ({ response, text } = await this.#send(
          url,
          { method: spec.method, headers: { ...headers }, ...(body === undefined ? {} : { body }) },
          timeoutMs,
          options.signal,
        ));
      } catch (err) {
        if (!(err instanceof NetworkError) || attempt >= maxRetries) throw err;
        await config.sleep(this.#backoff(attempt));
        continue;
      }
      const status = response.status;
      if (status >= 200 && status < 300) {
        return { text, status, requestId: response.headers.get('x-request-id') ?? undefined };
      }
      const error = createHttpError(status, response.statusText, response.headers, text);
      if (!RETRYABLE_STATUSES.has(status) || attempt >= maxRetries) throw error;
      const delay = error.retryAfter !== undefined ? Math.min(error.retryAfter * 1000, MAX_RETRY_AFTER_MS) : this.#backoff(attempt);
      await config.sleep(delay);
    }
  }

  /**
   * Sends a request and hands back the answer unread, for bodies that stream (the proxy). The
   * timeout covers the wait for the response headers only; the body then takes as long as it
   * takes (abort with `signal`). No automatic retries: a streamed body cannot be sent twice, and
   * the server retries what can be (`OpenPipes-Retries`).
   */
  async raw(
    method: string,
    path: string,
    init: { headers: Headers; body?: RawBody | undefined; signal?: AbortSignal | undefined; timeoutMs?: number | undefined },
  ): Promise<Response> {
    const config = this.#config;
    const url = `${config.baseUrl}${path}`;
    // The injected fetch is typed for the JSON API's string bodies; the proxy needs the full WHATWG
    // fetch (streams, binary bodies, an unread Response), which the global fetch is.
    const fetchFn = config.fetch as unknown as (url: string, init: RequestInit & { duplex?: 'half' }) => Promise<Response>;
    const streamed = init.body instanceof ReadableStream;
    return this.#withDeadline(method, url, init.timeoutMs ?? config.timeoutMs, init.signal, (signal) =>
      fetchFn(url, {
        method,
        headers: withClientHeaders(init.headers, config.apiKey),
        ...(init.body === undefined ? {} : { body: init.body }),
        ...(streamed ? { duplex: 'half' as const } : {}),
        signal,
      }),
    );
  }

  /** Exponential backoff with jitter (50–100 % of the capped exponential delay). */
  #backoff(attempt: number): number {
    const { retryBaseDelayMs, retryMaxDelayMs, random } = this.#config;
    const capped = Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** attempt);
    return Math.round(capped * (0.5 + random() * 0.5));
  }

  #send(
    url: string,
    init: Omit<FetchInit, 'signal'>,
    timeoutMs: number,
    userSignal: AbortSignal | undefined,
  ): Promise<{ response: FetchResponse; text: string }> {
    return this.#withDeadline(init.method, url, timeoutMs, userSignal, async (signal) => {
      const response = await this.#config.fetch(url, { ...init, signal });
      const text = await response.text();
      return { response, text };
    });
  }

  /**
   * Runs `work` with an abort signal that fires when the caller's does or when `timeoutMs` passes
   * first; a timeout is a {@link TimeoutError}, a caller's abort rethrows its reason, anything else
   * is a {@link NetworkError}.
   */
  async #withDeadline<T>(
    method: string,
    url: string,
    timeoutMs: number,
    userSignal: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (userSignal?.aborted) throw userSignal.reason;
    const controller = new AbortController();
    const onUserAbort = (): void => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new TimeoutError(`Request to ${method} ${url} timed out after ${timeoutMs} ms`, { code: 'timeout' }));
        controller.abort();
      }, timeoutMs);
    });
    const running = work(controller.signal);
    running.catch(() => undefined); // the race below may settle first
    try {
      return await Promise.race([running, timeout]);
    } catch (err) {
      if (err instanceof TimeoutError) throw err;
      if (userSignal?.aborted) throw userSignal.reason;
      const reason = err instanceof Error ? err.message : String(err);
      throw new NetworkError(`Request to ${method} ${url} failed: ${reason}`, { code: 'network_error', cause: err });
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onUserAbort);
    }
  }
}
