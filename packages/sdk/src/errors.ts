/**
 * Error classes thrown by the OpenPipes client.
 *
 * Every error extends {@link OpenPipesError}. HTTP failures map to one subclass per
 * status code (see {@link errorClassForStatus}); transport failures raise
 * {@link NetworkError} or its subclass {@link TimeoutError}.
 *
 * @module
 */

/** One field-level validation problem, as sent in the `errors` array of an error body. */
export interface FieldError {
  /** The request field the problem relates to (e.g. `scopes`, `config.subdomain`). */
  field: string;
  /** Machine-readable problem code (e.g. `invalid`, `required`, `unsupported_event`). */
  code: string;
}

/** Constructor parameters shared by all {@link OpenPipesError} subclasses. */
export interface OpenPipesErrorInit {
  /** HTTP status, when the error comes from an HTTP response. */
  status?: number | undefined;
  /** Machine-readable error code from the response body (`code`). */
  code?: string | undefined;
  /** Value of the `X-Request-ID` response header, when present. */
  requestId?: string | undefined;
  /** Field-level problems from the response body (`errors`). Defaults to `[]`. */
  errors?: FieldError[] | undefined;
  /** Seconds to wait before retrying, from the `Retry-After` response header. */
  retryAfter?: number | undefined;
  /** The parsed (raw, snake_case) response body, or the raw text when it was not JSON. */
  body?: unknown;
  /** Underlying cause (e.g. the error thrown by `fetch`). */
  cause?: unknown;
}

/**
 * Base class of every error raised by the SDK.
 *
 * @example
 * ```ts
 * try {
 *   await op.pipes.getDataIntegration('github');
 * } catch (err) {
 *   if (err instanceof NotFoundError) console.log(err.code, err.requestId);
 *   else if (err instanceof OpenPipesError) console.log(err.status, err.message);
 *   else throw err;
 * }
 * ```
 */
export class OpenPipesError extends Error {
  /** HTTP status code; `undefined` for transport and client-side errors. */
  readonly status: number | undefined;
  /** Machine-readable code from the error body (e.g. `entity_not_found`). */
  readonly code: string | undefined;
  /** `X-Request-ID` of the failed response, useful when reporting problems. */
  readonly requestId: string | undefined;
  /** Field-level validation problems (`[]` when the body carried none). */
  readonly errors: FieldError[];
  /** Seconds from the `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | undefined;
  /** Raw parsed response body (snake_case, untouched) or raw text. */
  readonly body: unknown;

  constructor(message: string, init: OpenPipesErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.body = init.body;
  }
}

/** HTTP 400 — malformed request (wrong JSON types, unknown fields, …). */
export class BadRequestError extends OpenPipesError {}
/** HTTP 401 — missing or invalid API key. */
export class UnauthorizedError extends OpenPipesError {}
/** HTTP 403 — the key or acting user may not perform this operation. */
export class ForbiddenError extends OpenPipesError {}
/** HTTP 404 — the addressed entity does not exist. */
export class NotFoundError extends OpenPipesError {}
/** HTTP 409 — conflict (duplicate, `account_selection_required`, reused idempotency key, …). */
export class ConflictError extends OpenPipesError {}
/** HTTP 413 — request body too large. */
export class PayloadTooLargeError extends OpenPipesError {}
/** HTTP 415 — unsupported request content type. */
export class UnsupportedMediaTypeError extends OpenPipesError {}
/** HTTP 422 — semantic validation failure; see {@link OpenPipesError.errors}. */
export class UnprocessableEntityError extends OpenPipesError {}
/** HTTP 429 — rate limited; see {@link OpenPipesError.retryAfter}. */
export class RateLimitError extends OpenPipesError {}
/** HTTP 500 — server error. */
export class InternalServerError extends OpenPipesError {}
/** HTTP 503 — server temporarily unavailable. */
export class ServiceUnavailableError extends OpenPipesError {}
/** Any other non-2xx HTTP status (e.g. 405, 408, 502, 504). */
export class UnexpectedStatusError extends OpenPipesError {}

/** The request never produced an HTTP response (DNS failure, connection reset, …). */
export class NetworkError extends OpenPipesError {}
/** The request did not complete within the configured `timeoutMs`. */
export class TimeoutError extends NetworkError {}

/** Constructor type of the HTTP error classes. */
export type OpenPipesErrorClass = new (message: string, init?: OpenPipesErrorInit) => OpenPipesError;

const STATUS_CLASSES: ReadonlyMap<number, OpenPipesErrorClass> = new Map<number, OpenPipesErrorClass>([
  [400, BadRequestError],
  [401, UnauthorizedError],
  [403, ForbiddenError],
  [404, NotFoundError],
  [409, ConflictError],
  [413, PayloadTooLargeError],
  [415, UnsupportedMediaTypeError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, ServiceUnavailableError],
]);

/** Returns the error class used for an HTTP status (falls back to {@link UnexpectedStatusError}). */
export function errorClassForStatus(status: number): OpenPipesErrorClass {
  return STATUS_CLASSES.get(status) ?? UnexpectedStatusError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: FieldError[] = [];
  for (const item of value) {
    if (isRecord(item)) {
      out.push({
        field: typeof item.field === 'string' ? item.field : String(item.field ?? ''),
        code: typeof item.code === 'string' ? item.code : String(item.code ?? ''),
      });
    }
  }
  return out;
}

/**
 * Parses a `Retry-After` header value (delta-seconds or HTTP date) into seconds.
 * Returns `undefined` when absent or unparseable.
 * @internal
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}

/**
 * Builds the typed error for a non-2xx response.
 * Error bodies are JSON `{ code, message, errors? }`; anything else is tolerated.
 * @internal
 */
export function createHttpError(
  status: number,
  statusText: string,
  headers: { get(name: string): string | null },
  text: string,
): OpenPipesError {
  let body: unknown = text;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  let code: string | undefined;
  let message: string | undefined;
  let errors: FieldError[] | undefined;
  if (isRecord(body)) {
    if (typeof body.code === 'string') code = body.code;
    else if (typeof body.error === 'string') code = body.error;
    if (typeof body.message === 'string') message = body.message;
    else if (typeof body.error_description === 'string') message = body.error_description;
    errors = parseFieldErrors(body.errors);
  } else if (typeof body === 'string' && body.trim() !== '') {
    message = body.trim().slice(0, 500);
  }
  const ErrorClass = errorClassForStatus(status);
  const fallback = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  return new ErrorClass(message ?? fallback, {
    status,
    code,
    requestId: headers.get('x-request-id') ?? undefined,
    errors,
    retryAfter: parseRetryAfter(headers.get('retry-after')),
    body,
  });
}
