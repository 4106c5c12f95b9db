import { OpenPipesError } from './errors.js';
import { type FetchLike, HttpClient } from './http.js';
import { Catalog } from './resources/catalog.js';
import { Events } from './resources/events.js';
import { Pipes } from './resources/pipes.js';
import { ApiProxy } from './resources/proxy.js';

/** Base URL used when neither `options.baseUrl` nor `OPENPIPES_BASE_URL` is set. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';
/** Default per-attempt timeout (ms). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of automatic retries. */
export const DEFAULT_MAX_RETRIES = 2;

/** Options of the {@link OpenPipes} constructor. */
export interface OpenPipesOptions {
  /** API key (`sk_…`). Alternative to the first constructor argument; falls back to env `OPENPIPES_API_KEY`. */
  apiKey?: string;
  /**
   * Server origin, optionally with a path prefix (kept, e.g. `https://example.com/pipes`).
   * Defaults to env `OPENPIPES_BASE_URL`, else `http://127.0.0.1:8080`.
   */
  baseUrl?: string;
  /** `fetch` implementation; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Per-attempt timeout in milliseconds. Default 60000. */
  timeoutMs?: number;
  /**
   * Automatic retries on network errors/timeouts and HTTP 408, 429, 500, 502, 503, 504.
   * Default 2 (so at most 3 attempts). POSTs keep the same `Idempotency-Key` across retries.
   */
  maxRetries?: number;
  /** First backoff delay (ms) when the server sends no `Retry-After`. Default 500. */
  retryBaseDelayMs?: number;
  /** Maximum backoff delay (ms) when the server sends no `Retry-After`. Default 8000. */
  retryMaxDelayMs?: number;
  /** Sleep implementation used between retries (inject a no-op in tests). */
  sleep?: (ms: number) => Promise<void>;
}

function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new OpenPipesError(`Invalid baseUrl ${JSON.stringify(input)}: expected an absolute http(s) URL`, {
      code: 'invalid_argument',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OpenPipesError(`Invalid baseUrl ${JSON.stringify(input)}: expected an http(s) URL`, {
      code: 'invalid_argument',
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The OpenPipes API client.
 *
 * Speaks the WorkOS Pipes wire protocol; `op.pipes` has the same method names, camelCase
 * options and camelCase results as `workos.pipes` of `@workos-inc/node` v11 (timestamps stay
 * ISO-8601 strings), plus the OpenPipes seed methods.
 *
 * @example
 * ```ts
 * import { OpenPipes, NotFoundError } from '@openpipes/node';
 *
 * const op = new OpenPipes(process.env.OPENPIPES_API_KEY, { baseUrl: 'http://127.0.0.1:8080' });
 *
 * const { data: providers } = await op.pipes.listProviders({ userId: 'user_123' });
 * const { url } = await op.pipes.authorizeDataIntegration({ slug: 'github', userId: 'user_123' });
 * const token = await op.pipes.getAccessToken({ provider: 'github', userId: 'user_123' });
 * if (token.active) console.log(token.accessToken.accessToken);
 * ```
 */
export class OpenPipes {
  /** Pipes routes (data integrations, organization configuration, vending, connected accounts). */
  readonly pipes: Pipes;
  /** `GET /events`. */
  readonly events: Events;
  /** The server's built-in provider catalog. */
  readonly catalog: Catalog;
  /**
   * Calls to provider APIs through the server's proxy, with the connection's credential attached.
   * Needs a WHATWG `fetch` (the global one, or an `options.fetch` that handles stream bodies).
   */
  readonly proxy: ApiProxy;
  /** Normalized base URL requests are sent to. */
  readonly baseUrl: string;

  /**
   * @param apiKey - API key (`sk_…`); defaults to env `OPENPIPES_API_KEY`.
   * @param options - Client options.
   * @throws {OpenPipesError} (`code: 'missing_api_key'`) when no key is available.
   */
  constructor(apiKey?: string, options?: OpenPipesOptions);
  /** @param options - Client options including `apiKey`. */
  constructor(options: OpenPipesOptions);
  constructor(apiKeyOrOptions?: string | OpenPipesOptions, maybeOptions: OpenPipesOptions = {}) {
    const options = typeof apiKeyOrOptions === 'object' && apiKeyOrOptions !== null ? apiKeyOrOptions : maybeOptions;
    const explicitKey = typeof apiKeyOrOptions === 'string' ? apiKeyOrOptions : undefined;
    const apiKey = explicitKey || options.apiKey || readEnv('OPENPIPES_API_KEY');
    if (!apiKey) {
      throw new OpenPipesError(
        'No OpenPipes API key provided. Pass it as `new OpenPipes("sk_…")` or set the OPENPIPES_API_KEY environment variable.',
        { code: 'missing_api_key' },
      );
    }
    const fetchImpl: FetchLike | undefined =
      options.fetch ?? (typeof globalThis.fetch === 'function' ? (url, init) => globalThis.fetch(url, init) : undefined);
    if (typeof fetchImpl !== 'function') {
      throw new OpenPipesError('No fetch implementation available; pass `options.fetch`.', { code: 'invalid_argument' });
    }
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? readEnv('OPENPIPES_BASE_URL') ?? DEFAULT_BASE_URL);
    const http = new HttpClient({
      apiKey,
      baseUrl: this.baseUrl,
      fetch: fetchImpl,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
      retryMaxDelayMs: options.retryMaxDelayMs ?? 8_000,
      sleep: options.sleep ?? defaultSleep,
      random: Math.random,
    });
    this.pipes = new Pipes(http);
    this.events = new Events(http);
    this.catalog = new Catalog(http);
    this.proxy = new ApiProxy(http);
  }
}
