/**
 * The closed set of errors the service can answer with. Every failure that reaches a client
 * goes through one of these; the HTTP layer maps them to a status and a JSON body in one place.
 */
export interface FieldError {
  field: string;
  code: string;
}

export type ErrorCode =
  | 'invalid_request'
  | 'validation_failed'
  | 'entity_not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'integration_already_exists'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_progress'
  | 'account_selection_required'
  | 'unsupported_auth_method'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'provider_unavailable'
  | 'server_error';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.errors) body.errors = this.errors;
    if (this.extra) Object.assign(body, this.extra);
    return body;
  }
}

/** 400: the request is malformed (bad JSON, wrong types, unknown fields, over-long strings). */
export const invalidRequest = (message: string, errors: FieldError[]): AppError =>
  new AppError(400, 'invalid_request', message, errors);

/** 422: well-formed, but breaks a rule of the contract. */
export const validationFailed = (message: string, errors: FieldError[]): AppError =>
  new AppError(422, 'validation_failed', message, errors);

export const notFound = (message: string, entityId?: string): AppError =>
  new AppError(404, 'entity_not_found', message, undefined, entityId ? { entity_id: entityId } : undefined);

export const conflict = (code: ErrorCode, message: string): AppError => new AppError(409, code, message);
