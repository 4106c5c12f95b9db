import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InternalServerError,
  NetworkError,
  NotFoundError,
  OpenPipesError,
  PayloadTooLargeError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
  UnauthorizedError,
  UnexpectedStatusError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  type FetchLike,
  type OpenPipesErrorClass,
} from '../src/index.js';
import { IDEMPOTENCY_KEY_RE, makeClient, wireDataIntegration } from './helpers.js';

const statusCases: Array<[number, OpenPipesErrorClass, string]> = [
  [400, BadRequestError, 'invalid_request'],
  [401, UnauthorizedError, 'unauthorized'],
  [403, ForbiddenError, 'forbidden'],
  [404, NotFoundError, 'entity_not_found'],
  [409, ConflictError, 'account_selection_required'],
  [413, PayloadTooLargeError, 'payload_too_large'],
  [415, UnsupportedMediaTypeError, 'unsupported_media_type'],
  [422, UnprocessableEntityError, 'validation_failed'],
  [429, RateLimitError, 'rate_limited'],
  [500, InternalServerError, 'internal_error'],
  [503, ServiceUnavailableError, 'service_unavailable'],
  [405, UnexpectedStatusError, 'method_not_allowed'],
  [502, UnexpectedStatusError, 'bad_gateway'],
  [418, UnexpectedStatusError, 'teapot'],
];

describe('HTTP error mapping', () => {
  it.each(statusCases)('%i → %o', async (status, ErrorClass, code) => {
    const { op, calls } = makeClient(
      [
        {
          status,
          body: { code, message: `failure ${status}`, errors: [{ field: 'scopes', code: 'invalid' }] },
          headers: { 'X-Request-ID': `req_abc_${status}` },
        },
      ],
      { maxRetries: 0 },
    );
    const error = await op.pipes.getDataIntegration('github').catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(OpenPipesError);
    expect(error).toBeInstanceOf(Error);
    const e = error as OpenPipesError;
    expect(e.name).toBe(ErrorClass.name);
    expect(e.status).toBe(status);
    expect(e.code).toBe(code);
    expect(e.message).toBe(`failure ${status}`);
    expect(e.requestId).toBe(`req_abc_${status}`);
    expect(e.errors).toStrictEqual([{ field: 'scopes', code: 'invalid' }]);
    expect(e.retryAfter).toBeUndefined();
    expect(e.body).toStrictEqual({ code, message: `failure ${status}`, errors: [{ field: 'scopes', code: 'invalid' }] });
  });

  it('each mapped status has its own class', () => {
    const mapped = statusCases.filter(([, C]) => C !== UnexpectedStatusError).map(([, C]) => C);
    expect(new Set(mapped).size).toBe(mapped.length);
  });

  it('404 body with entity_id and no errors → errors [] and raw body kept', async () => {
    const { op } = makeClient([{ status: 404, body: { code: 'entity_not_found', message: 'No such user', entity_id: 'user_9' } }]);
    const e = (await op.pipes.listProviders({ userId: 'user_9' }).catch((x: unknown) => x)) as NotFoundError;
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.errors).toStrictEqual([]);
    expect(e.requestId).toBe('req_404');
    expect((e.body as { entity_id: string }).entity_id).toBe('user_9');
  });

  it('429 exposes retryAfter from the Retry-After header', async () => {
    const { op } = makeClient([{ status: 429, body: { code: 'rate_limited', message: 'slow down' }, headers: { 'Retry-After': '7' } }], {
      maxRetries: 0,
    });
    const e = (await op.pipes.getDataIntegration('github').catch((x: unknown) => x)) as RateLimitError;
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfter).toBe(7);
  });

  it('a non-JSON error body still yields the right class, with the text as message', async () => {
    const { op } = makeClient([{ status: 401, text: 'Unauthorized', headers: { 'Content-Type': 'text/plain' } }]);
    const e = (await op.pipes.getDataIntegration('github').catch((x: unknown) => x)) as UnauthorizedError;
    expect(e).toBeInstanceOf(UnauthorizedError);
    expect(e.message).toBe('Unauthorized');
    expect(e.code).toBeUndefined();
    expect(e.status).toBe(401);
  });

  it('an empty error body falls back to an HTTP status message', async () => {
    const { op } = makeClient([{ status: 403, text: '' }]);
    const e = (await op.pipes.getDataIntegration('github').catch((x: unknown) => x)) as ForbiddenError;
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.message).toMatch(/^HTTP 403/);
  });

  it('a 2xx response that is not JSON is reported as invalid_response', async () => {
    const { op } = makeClient([{ status: 200, text: '<html>' }]);
    const e = (await op.pipes.getDataIntegration('github').catch((x: unknown) => x)) as OpenPipesError;
    expect(e).toBeInstanceOf(OpenPipesError);
    expect(e.code).toBe('invalid_response');
    expect(e.requestId).toBe('req_200');
  });
});

describe('retries', () => {
  it('POST: 503 then success → 2 attempts with the same Idempotency-Key', async () => {
    const { op, calls, sleeps } = makeClient([
      { status: 503, body: { code: 'service_unavailable', message: 'busy' } },
      { status: 201, body: wireDataIntegration('data_integration_1') },
    ]);
    const result = await op.pipes.createDataIntegration({ provider: 'github' });
    expect(result.id).toBe('data_integration_1');
    expect(calls).toHaveLength(2);
    const key = calls[0]!.headers['Idempotency-Key'];
    expect(key).toMatch(IDEMPOTENCY_KEY_RE);
    expect(calls[1]!.headers['Idempotency-Key']).toBe(key);
    expect(calls[1]!.rawBody).toBe(calls[0]!.rawBody);
    expect(sleeps).toHaveLength(1);
  });

  it('a caller-supplied Idempotency-Key is reused across retries', async () => {
    const { op, calls } = makeClient([
      { status: 500, body: { code: 'internal_error', message: 'oops' } },
      { status: 502, text: 'bad gateway' },
      { body: { active: false, error: 'not_installed' } },
    ]);
    await op.pipes.getAccessToken({ provider: 'github', userId: 'user_1' }, { idempotencyKey: 'idem-42' });
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toStrictEqual(['idem-42', 'idem-42', 'idem-42']);
  });

  it.each([
    [400, BadRequestError],
    [422, UnprocessableEntityError],
    [404, NotFoundError],
    [409, ConflictError],
  ] as const)('does not retry %i', async (status, ErrorClass) => {
    const { op, calls, sleeps } = makeClient([
      { status, body: { code: 'x', message: 'no', errors: [{ field: 'provider', code: 'required' }] } },
      { body: wireDataIntegration('data_integration_1') },
    ]);
    await expect(op.pipes.createDataIntegration({ provider: '' })).rejects.toBeInstanceOf(ErrorClass);
    expect(calls).toHaveLength(1);
    expect(sleeps).toHaveLength(0);
  });

  it('gives up after maxRetries (default 2 → 3 attempts) and throws the last error', async () => {
    const busy = { status: 503, body: { code: 'service_unavailable', message: 'busy' } };
    const { op, calls, sleeps } = makeClient([busy, busy, busy, { body: wireDataIntegration('x') }]);
    const e = (await op.pipes.getDataIntegration('github').catch((x: unknown) => x)) as ServiceUnavailableError;
    expect(e).toBeInstanceOf(ServiceUnavailableError);
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('retries 408, 429, 500, 502, 504 (PUT too, without adding an Idempotency-Key)', async () => {
    const { op, calls } = makeClient(
      [
        { status: 408, text: '' },
        { status: 429, body: { code: 'rate_limited', message: 'x' } },
        { status: 500, body: { code: 'internal_error', message: 'x' } },
        { status: 502, text: '' },
        { status: 504, text: '' },
        { body: wireDataIntegration('data_integration_1') },
      ],
      { maxRetries: 5 },
    );
    await op.pipes.updateDataIntegration({ slug: 'github', enabled: true });
    expect(calls).toHaveLength(6);
    expect(calls.every((c) => c.method === 'PUT' && !('Idempotency-Key' in c.headers))).toBe(true);
  });

  it('honours Retry-After seconds, capped at 30 s', async () => {
    const { op, sleeps } = makeClient([
      { status: 429, body: { code: 'rate_limited', message: 'x' }, headers: { 'Retry-After': '2' } },
      { status: 503, body: { code: 'service_unavailable', message: 'x' }, headers: { 'Retry-After': '120' } },
      { body: wireDataIntegration('data_integration_1') },
    ]);
    await op.pipes.getDataIntegration('github');
    expect(sleeps).toStrictEqual([2000, 30000]);
  });

  it('uses exponential backoff with jitter when there is no Retry-After', async () => {
    const busy = { status: 503, body: { code: 'service_unavailable', message: 'x' } };
    const { op, sleeps } = makeClient([busy, busy, busy, { body: wireDataIntegration('x') }], {
      maxRetries: 3,
      retryBaseDelayMs: 100,
      retryMaxDelayMs: 300,
    });
    await op.pipes.getDataIntegration('github');
    expect(sleeps).toHaveLength(3);
    const bounds: Array<[number, number]> = [
      [50, 100],
      [100, 200],
      [150, 300],
    ];
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(bounds[i]![0]);
      expect(ms).toBeLessThanOrEqual(bounds[i]![1]);
    });
  });

  it('retries network errors, then surfaces a NetworkError with the cause', async () => {
    const boom = new TypeError('fetch failed');
    const { op, calls } = makeClient([boom, { body: wireDataIntegration('data_integration_1') }]);
    await expect(op.pipes.getDataIntegration('github')).resolves.toMatchObject({ id: 'data_integration_1' });
    expect(calls).toHaveLength(2);

    const failing = makeClient([boom, boom, boom]);
    const e = (await failing.op.pipes.getDataIntegration('github').catch((x: unknown) => x)) as NetworkError;
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).not.toBeInstanceOf(TimeoutError);
    expect(e.status).toBeUndefined();
    expect(e.cause).toBe(boom);
    expect(failing.calls).toHaveLength(3);
  });

  it('per-call maxRetries overrides the client setting', async () => {
    const busy = { status: 503, body: { code: 'service_unavailable', message: 'x' } };
    const { op, calls } = makeClient([busy, busy]);
    await expect(op.pipes.getDataIntegration('github', { maxRetries: 0 })).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(calls).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  /** A fetch that never answers but rejects when its signal aborts. */
  const hanging: FetchLike = (_url, init) =>
    new Promise((_resolve, reject) => {
      init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });

  it('times out with TimeoutError and aborts the fetch', async () => {
    const signals: AbortSignal[] = [];
    const { op } = makeClient([], {
      timeoutMs: 20,
      maxRetries: 0,
      fetch: (url, init) => {
        signals.push(init.signal);
        return hanging(url, init);
      },
    });
    const started = Date.now();
    const e = (await op.pipes.getDataIntegration('github').catch((x: unknown) => x)) as TimeoutError;
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('times out even if fetch ignores the abort signal, and retries timeouts', async () => {
    let attempts = 0;
    const { op } = makeClient([], {
      timeoutMs: 10,
      maxRetries: 1,
      fetch: () => {
        attempts++;
        return new Promise(() => undefined);
      },
    });
    await expect(op.pipes.getDataIntegration('github')).rejects.toBeInstanceOf(TimeoutError);
    expect(attempts).toBe(2);
  });

  it('per-call timeoutMs overrides the client setting', async () => {
    const { op } = makeClient([], { timeoutMs: 60_000, maxRetries: 0, fetch: hanging });
    await expect(op.pipes.getDataIntegration('github', { timeoutMs: 10 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('a caller abort rejects with the abort reason and is not retried', async () => {
    let attempts = 0;
    const { op } = makeClient([], {
      fetch: (url, init) => {
        attempts++;
        return hanging(url, init);
      },
    });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const pending = op.pipes.getDataIntegration('github', { signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(attempts).toBe(1);
  });
});
