/**
 * The closed set of errors the service can answer with. Every failure that reaches a client
 * goes through one of the named constructors below; the HTTP layer maps them to a status and a
 * JSON body in one place. `new AppError(` appears in this file only (test/errors.test.ts checks).
 */
export interface FieldError {
  field: string;
  code: string;
}

/** Every `code` an error answer can carry; the OpenAPI error schema enumerates exactly these. */
export const ERROR_CODES = [
  'invalid_request',
  'validation_failed',
  'entity_not_found',
  'unauthorized',
  'integration_disabled',
  'organization_credentials_missing',
  'conflict',
  'integration_already_exists',
  'webhook_endpoint_already_exists',
  'invalid_widget_token',
  'acting_user_required',
  'idempotency_key_reused',
  'idempotency_key_in_progress',
  'account_selection_required',
  'unsupported_auth_method',
  'client_credentials_rejected',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'provider_unavailable',
  'not_installed',
  'needs_reauthorization',
  'proxy_unsupported',
  'proxy_path_refused',
  'provider_unreachable',
  'provider_timeout',
  'server_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
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

// ── 400 invalid_request ────────────────────────────────────────────────────────────────────

/** 400: the request is malformed (bad JSON, wrong types, unknown fields, over-long strings). */
export const invalidRequest = (message: string, errors: FieldError[]): AppError => new AppError(400, 'invalid_request', message, errors);

/** 400: the body does not parse as JSON. */
export const invalidJson = (): AppError => invalidRequest('The request body is not valid JSON.', [{ field: 'body', code: 'invalid_json' }]);

/** 400: the `Idempotency-Key` header is malformed. */
export const idempotencyKeyInvalid = (): AppError =>
  invalidRequest('Idempotency-Key must be 1–255 visible ASCII characters.', [{ field: 'Idempotency-Key', code: 'invalid_format' }]);

/** Any other 4xx Fastify raises itself (its status is kept, the code is `invalid_request`). */
export const requestRejected = (status: number, message: string): AppError => new AppError(status, 'invalid_request', message, []);

/** A wrong command line (CLI): only the message is printed. */
export const usageError = (message: string): AppError => new AppError(400, 'invalid_request', message);

// ── 401 unauthorized ───────────────────────────────────────────────────────────────────────

export const apiKeyMissing = (): AppError => new AppError(401, 'unauthorized', 'Send an API key as Authorization: Bearer sk_….');
export const apiKeyInvalid = (): AppError => new AppError(401, 'unauthorized', 'The API key is not valid.');

/** An Authorization header that is not `Bearer …` (often the bare key): say the fix, never echo the value. */
export const apiKeyWithoutBearer = (): AppError =>
  new AppError(401, 'unauthorized', 'The Authorization header must be "Bearer " followed by the key: send Authorization: Bearer sk_….');

/** `/metrics` with OPENPIPES_METRICS_TOKEN set, and no or another token. */
export const metricsTokenRequired = (): AppError =>
  new AppError(401, 'unauthorized', 'Send the metrics token (OPENPIPES_METRICS_TOKEN) as Authorization: Bearer <token>.');

// ── 403 ────────────────────────────────────────────────────────────────────────────────────

export const integrationDisabled = (slug: string, organizationId: string | null): AppError =>
  new AppError(403, 'integration_disabled', `"${slug}" is not enabled${organizationId ? ` for organization ${organizationId}` : ''}.`);

export const organizationCredentialsMissing = (organizationId: string, slug: string): AppError =>
  new AppError(403, 'organization_credentials_missing', `Organization ${organizationId} has not supplied its OAuth app for "${slug}" yet.`);

// ── 404 entity_not_found ───────────────────────────────────────────────────────────────────

export const notFound = (message: string, entityId?: string): AppError =>
  new AppError(404, 'entity_not_found', message, undefined, entityId ? { entity_id: entityId } : undefined);

/**
 * No data integration for `slug`: with an ownership, the user- or organization-owned root;
 * without, neither root exists in this environment. The message says where to look next.
 */
export const integrationNotFound = (slug: string, ownership?: 'user' | 'organization'): AppError =>
  notFound(
    `${ownership ? `No ${ownership}-owned data integration for "${slug}".` : `No data integration for "${slug}" in this environment.`} ` +
      `GET /data-integrations lists this environment's integrations; create one with POST /data-integrations (providers: GET /catalog/providers).`,
    slug,
  );

/** A provider slug that is neither built in nor a custom provider of this environment. */
export const providerNotFound = (slug: string): AppError =>
  notFound(
    `Unknown provider "${slug}". GET /catalog/providers lists the built-in slugs; to define your own, send custom_provider with POST /data-integrations.`,
    slug,
  );

/** `/metrics` while OPENPIPES_METRICS is off. */
export const metricsDisabled = (): AppError => notFound('Metrics are off; set OPENPIPES_METRICS=true to serve /metrics.');

/** No route matches the method and path. */
export const routeNotFound = (method: string, path: string): AppError => notFound(`No route ${method} ${path}.`);

/** 404 (proxy): the owner has no connection for the integration (vend answers `active: false, error: not_installed`). */
export const proxyNotInstalled = (slug: string): AppError =>
  new AppError(404, 'not_installed', `This owner has no connection for "${slug}"; connect an account first.`);

/** 403 (proxy): the connection needs the user to authorize again (vend answers `error: needs_reauthorization`). */
export const proxyNeedsReauthorization = (slug: string): AppError =>
  new AppError(403, 'needs_reauthorization', `The connection for "${slug}" needs re-authorization by its user.`);

// ── 409 ────────────────────────────────────────────────────────────────────────────────────

export const conflict = (message: string): AppError => new AppError(409, 'conflict', message);

export const integrationAlreadyExists = (slug: string, ownership: 'user' | 'organization'): AppError =>
  new AppError(409, 'integration_already_exists', `A ${ownership}-owned data integration for "${slug}" already exists.`);

/** 403 on widget routes: the widgets then fetch a new token and retry once (widgets-api.md §2.3). */
export const invalidWidgetToken = (message: string): AppError => new AppError(403, 'invalid_widget_token', message);

export const actingUserRequired = (): AppError =>
  new AppError(422, 'acting_user_required', 'This action is taken by a member: mint the widget token with user_id as well.');

export const webhookEndpointAlreadyExists = (): AppError =>
  new AppError(409, 'webhook_endpoint_already_exists', 'A webhook endpoint with this endpoint_url already exists in this environment.');

export const accountSelectionRequired = (): AppError =>
  new AppError(409, 'account_selection_required', 'This owner has several connections for the provider; pass connected_account_id.');

export const idempotencyKeyInProgress = (): AppError =>
  new AppError(409, 'idempotency_key_in_progress', 'A request with this Idempotency-Key is in progress; retry shortly.');

export const idempotencyKeyReused = (): AppError =>
  new AppError(409, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body.');

// ── 413 / 415 ──────────────────────────────────────────────────────────────────────────────

export const payloadTooLarge = (): AppError => new AppError(413, 'payload_too_large', 'The request body is larger than 64 KiB.');
export const unsupportedMediaType = (): AppError => new AppError(415, 'unsupported_media_type', 'Send request bodies as application/json.');

// ── 422 ────────────────────────────────────────────────────────────────────────────────────

/** 422: well-formed, but breaks a rule of the contract. */
export const validationFailed = (message: string, errors: FieldError[]): AppError =>
  new AppError(422, 'validation_failed', message, errors);

/**
 * 422: `return_to` is not on one of the environment's allowed origins. Says how to allow one; the
 * refused value's origin is named (the caller sent it), nothing else of it.
 */
export const returnToNotAllowed = (returnTo: string, environment: string, allowed: readonly string[]): AppError => {
  let origin: string | null = null;
  try {
    const url = new URL(returnTo);
    if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
  } catch {
    // not a URL: nothing to name
  }
  const what = origin ?? 'an origin';
  return validationFailed(
    `return_to must be an absolute http(s) URL, printable ASCII, on one of the environment's allowed return origins (${allowed.join(', ') || 'none yet'}). ` +
      `To allow ${what}: add it in the dashboard (Environments → ${environment} → Allowed return origins), or run ` +
      `openpipes environments set ${environment} --return-origin <origin> (repeat the option for every origin to keep), or, for the default environment, ` +
      'add it to OPENPIPES_ALLOWED_RETURN_ORIGINS and restart (start-up adds those origins to the list stored in the database).',
    [{ field: 'return_to', code: 'not_allowed' }],
  );
};

/** 422: required provider config fields are missing. */
export const missingConfig = (fields: string[]): AppError =>
  validationFailed(
    `Missing config: ${fields.join(', ')}.`,
    fields.map((f) => ({ field: `config.${f}`, code: 'required' })),
  );

const unsupportedAuthMethod = (message: string): AppError =>
  new AppError(422, 'unsupported_auth_method', message, [{ field: 'slug', code: 'unsupported_auth_method' }]);

/** 422: a browser authorization was asked for an integration that is not OAuth. */
export const nothingToAuthorize = (slug: string, authMethod: string): AppError =>
  unsupportedAuthMethod(`"${slug}" uses ${authMethod}; there is nothing to authorize in a browser.`);

/** 422: a token was asked for an integration that stores API keys. */
export const apiKeyIntegrationNotVended = (slug: string): AppError =>
  unsupportedAuthMethod(`"${slug}" stores API keys; use POST /data-integrations/${slug}/credentials.`);

export const clientCredentialsRejected = (): AppError =>
  new AppError(422, 'client_credentials_rejected', 'The provider refused these client credentials.', [
    { field: 'client_secret', code: 'rejected_by_provider' },
  ]);

/** 422 (proxy): the integration has no API base URL, or its credential cannot be attached to a request. */
export const proxyUnsupported = (message: string, field: string): AppError =>
  new AppError(422, 'proxy_unsupported', message, [{ field, code: 'proxy_unsupported' }]);

/** 400 (proxy): the path would leave the provider's API base URL (another host, `..`, encoded slashes, …). */
export const proxyPathRefused = (reason: string): AppError =>
  new AppError(400, 'proxy_path_refused', `The proxied path is refused: ${reason}.`, [{ field: 'path', code: 'proxy_path_refused' }]);

// ── 429 rate_limited ───────────────────────────────────────────────────────────────────────

/**
 * 429: too many requests in a minute from one API key, or from one client address (browser
 * routes, and API requests without a valid key); `retry_after` (seconds) is in the body and the
 * Retry-After header.
 */
export const rateLimited = (retryAfterSeconds: number, from: 'api_key' | 'address'): AppError =>
  new AppError(
    429,
    'rate_limited',
    `Too many requests from this ${from === 'api_key' ? 'API key' : 'address'}; retry in ${retryAfterSeconds} s.`,
    undefined,
    { retry_after: retryAfterSeconds },
  );

/**
 * 429: the environment holds as many stored Idempotency-Key answers as it may (§10.15 keeps each
 * for 24 h); a new key is taken when the oldest expires, while retries of stored keys are answered.
 */
export const idempotencyKeysExhausted = (retryAfterSeconds: number, max: number): AppError =>
  new AppError(
    429,
    'rate_limited',
    `This environment already holds ${max} stored Idempotency-Key answers; a new key is accepted when the oldest expires, in ${retryAfterSeconds} s. Retries of stored keys are still answered.`,
    [{ field: 'Idempotency-Key', code: 'too_many_keys' }],
    { retry_after: retryAfterSeconds },
  );

// ── 5xx ────────────────────────────────────────────────────────────────────────────────────

/** 503: the provider did not answer; `retry_after` (seconds) is in the body and the Retry-After header. */
export const providerUnavailable = (retryAfterSeconds: number, message: string): AppError =>
  new AppError(503, 'provider_unavailable', message, undefined, { retry_after: retryAfterSeconds });

/** 502 (proxy): no answer from the provider: refused, reset, DNS, TLS, or an address the outbound guard refuses. */
export const providerUnreachable = (message: string): AppError => new AppError(502, 'provider_unreachable', message);

/** 504 (proxy): the provider sent no response headers within the proxy's deadline. */
export const providerTimeout = (seconds: number): AppError =>
  new AppError(504, 'provider_timeout', `The provider sent no answer within ${seconds} s.`);

/** 500: an unexpected failure, answered opaquely. */
export const serverError = (requestId: string): AppError =>
  new AppError(500, 'server_error', `Something went wrong; quote request id ${requestId}.`);

// ── widget routes ──────────────────────────────────────────────────────────────────────────

/**
 * 422 with the refusal's own code and message: a business 403 (`integration_disabled`,
 * `organization_credentials_missing`) answered on a widget route, where a 403 would make the
 * widget fetch a new token and show "Incorrect permissions" (widgets-api.md §2.3, §10).
 */
export const widgetRefusal = (refused: AppError): AppError =>
  new AppError(422, refused.code, refused.message, refused.errors, refused.extra);

/**
 * 400: a `WorkOS-Widgets-Version` other than 1 (widgets-api.md §6); a missing header counts as 1.
 * The spec's `unsupported_widgets_version` is the field error's code, so the closed set stays as is.
 */
export const unsupportedWidgetsVersion = (): AppError =>
  invalidRequest('This OpenPipes server speaks version 1 of the widgets API (WorkOS-Widgets-Version: 1).', [
    { field: 'WorkOS-Widgets-Version', code: 'unsupported_widgets_version' },
  ]);
