import { ForbiddenAddressError } from '../outbound/forbidden-address-error.ts';
import type { OutboundRequest } from './client-auth.ts';

/**
 * The slice of `fetch` the OAuth client uses, so tests can inject a fake; production passes the
 * guarded fetch of app/services.ts (only public addresses, redirects never followed).
 */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    redirect?: 'manual' | 'error' | 'follow';
  },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** A provider answered (any status), with its body read. */
export interface HttpResponse {
  ok: true;
  status: number;
  headers: { get(name: string): string | null };
  bodyText: string;
}

/**
 * No usable answer. `detail` is an error name/code such as `TypeError:ECONNREFUSED`, never a message or body.
 * `forbidden_address`: the outbound guard refused the provider's address (loopback, private, …) before connecting.
 */
export interface HttpFailure {
  ok: false;
  reason: 'network' | 'timeout' | 'forbidden_address';
  detail: string;
}

/** How an `OAuthHttpClient` reaches providers. */
export interface OAuthHttpClientOptions {
  fetch: FetchLike;
  /** Whole-exchange deadline (connect, headers and body); keep it shorter than the refresh lock. Default 10 000. */
  timeoutMs?: number;
  /**
   * Allow `http://` endpoints. For tests against a local authorization server only (the
   * `allowInsecureProviderUrls` escape hatch); never in production.
   */
  allowInsecure?: boolean;
}

/** Bodies larger than this are refused: no token response comes near it. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

const DEFAULT_TIMEOUT_MS = 10_000;

/** What a real `Response` body offers; read defensively because `FetchLike` does not promise it. */
interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}

class TooLarge extends Error {
  override readonly name = 'ResponseTooLarge';
}

/**
 * Sends OAuth requests to providers: https only (unless `allowInsecure`), a deadline on the whole
 * exchange, redirects never followed (they would carry credentials elsewhere), bodies capped at 1 MiB,
 * and every thrown error turned into a `HttpFailure` that names the error but carries none of its
 * text (HTTP client errors can hold headers and bodies: docs/security.md §12).
 *
 * @example
 * const http = new OAuthHttpClient({ fetch, timeoutMs: 10_000 });
 * const res = await http.send(buildTokenRequest(provider, endpoint, grant, client));
 * if (!res.ok) console.warn(res.reason, res.detail);
 */
export class OAuthHttpClient {
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #allowInsecure: boolean;

  constructor(opts: OAuthHttpClientOptions) {
    this.#fetch = opts.fetch;
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#allowInsecure = opts.allowInsecure ?? false;
    if (!Number.isFinite(this.#timeoutMs) || this.#timeoutMs <= 0) throw new Error('timeoutMs must be a positive number');
  }

  /** Sends `req`; never throws. */
  async send(req: OutboundRequest): Promise<HttpResponse | HttpFailure> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return { ok: false, reason: 'network', detail: 'invalid_url' };
    }
    const secure = url.protocol === 'https:' || (this.#allowInsecure && url.protocol === 'http:');
    if (!secure) return { ok: false, reason: 'network', detail: 'insecure_url' };
    if (url.username !== '' || url.password !== '') return { ok: false, reason: 'network', detail: 'invalid_url' };

    const signal = AbortSignal.timeout(this.#timeoutMs);
    try {
      const res = await untilAborted(
        this.#fetch(req.url, {
          method: req.method,
          headers: { ...req.headers },
          ...(req.body === undefined ? {} : { body: req.body }),
          signal,
          redirect: 'manual',
        }),
        signal,
      );
      const bodyText = await untilAborted(readCapped(res), signal);
      return { ok: true, status: res.status, headers: res.headers, bodyText };
    } catch (error) {
      if (error instanceof TooLarge) return { ok: false, reason: 'network', detail: 'response_too_large' };
      if (signal.aborted) return { ok: false, reason: 'timeout', detail: 'TimeoutError' };
      // undici's fetch reports the guard's refusal as the `cause` of its `TypeError: fetch failed`.
      if ((error as { cause?: unknown } | null)?.cause instanceof ForbiddenAddressError)
        return { ok: false, reason: 'forbidden_address', detail: 'ForbiddenAddressError' };
      return { ok: false, reason: 'network', detail: describeError(error) };
    }
  }
}

/** Settles like `promise`, or rejects once `signal` aborts, whichever is first (a fake fetch may ignore it). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {}); // the loser of the race must not become an unhandled rejection
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

async function readCapped(res: Awaited<ReturnType<FetchLike>>): Promise<string> {
  const length = res.headers.get('content-length');
  if (length !== null && /^\d+$/.test(length.trim()) && Number(length) > MAX_RESPONSE_BYTES) throw new TooLarge();

  const body = (res as { body?: unknown }).body;
  if (isByteStream(body)) {
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value === undefined) continue;
      total += value.byteLength;
      if (total > MAX_RESPONSE_BYTES) {
        await reader.cancel().catch(() => {});
        throw new TooLarge();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  const text = await res.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_RESPONSE_BYTES) throw new TooLarge();
  return text;
}

function isByteStream(value: unknown): value is ByteStream {
  return typeof value === 'object' && value !== null && typeof (value as { getReader?: unknown }).getReader === 'function';
}

/** `Name` or `Name:CODE` (from the error or its `cause`, as undici reports them); nothing free-form. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'UnknownError';
  const name = /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(error.name) ? error.name : 'Error';
  const codeOf = (value: unknown): string | null => {
    const code = typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : null;
  };
  const code = codeOf(error) ?? codeOf(error.cause);
  return code === null ? name : `${name}:${code}`;
}
