import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  invalidJson,
  invalidRequest,
  payloadTooLarge,
  requestRejected,
  routeNotFound,
  serverError,
  unsupportedMediaType,
  type FieldError,
} from '../core/errors.ts';

import { suggestFields, type AjvError, type Suggestion } from './field-suggestion.ts';

const pathOf = (e: AjvError): string => e.instancePath.replace(/^\//, '').replace(/\//g, '.');

/** `/credentials/client_id` → `credentials.client_id`; required/unknown keys name the key itself. */
function fieldOf(e: AjvError, context: string | undefined): FieldError {
  const path = pathOf(e);
  const join = (key: unknown) => [path, String(key)].filter(Boolean).join('.');
  if (e.keyword === 'required') return { field: join(e.params.missingProperty), code: 'required' };
  if (e.keyword === 'additionalProperties') return { field: join(e.params.additionalProperty), code: 'unknown_field' };
  const code =
    {
      type: 'invalid_type',
      maxLength: 'too_long',
      minLength: 'too_short',
      pattern: 'invalid_format',
      enum: 'invalid_value',
      const: 'invalid_value',
      anyOf: 'invalid_type',
      maxItems: 'too_many',
      minItems: 'too_few',
      maxProperties: 'too_many',
    }[e.keyword] ?? 'invalid';
  return { field: path || context || 'body', code };
}

type Context = 'body' | 'querystring' | 'params' | 'headers';

/** A near-miss field name for the first validation error (the only one: Ajv stops at the first). */
function suggestionFor(e: AjvError | undefined, context: string | undefined, request: FastifyRequest): Suggestion | null {
  if (!e || (context !== 'body' && context !== 'querystring' && context !== 'params')) return null;
  const schema = (request.routeOptions.schema as Partial<Record<Context, unknown>> | undefined)?.[context];
  const data = context === 'body' ? request.body : context === 'querystring' ? request.query : request.params;
  const path = pathOf(e);
  return suggestFields(e, schema, data, (key) => [path, key].filter(Boolean).join('.'));
}

/** Sends an error answer: its status, its JSON body, and `Retry-After` when the error names one. */
export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  if (err.status === 429 || err.status === 503) {
    const retry = err.extra?.retry_after;
    if (typeof retry === 'number') reply.header('retry-after', String(retry));
  }
  return reply.code(err.status).send(err.toBody());
}

/** The one place errors become HTTP answers: every answer is a JSON body with `code` and `message`. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) return sendError(reply, err);
    const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      const errors = fe.validation.map((v) => fieldOf(v, fe.validationContext));
      const where = fe.validationContext === 'querystring' ? 'query string' : fe.validationContext === 'params' ? 'path' : 'body';
      const suggestion = suggestionFor(fe.validation[0], fe.validationContext, request);
      const listed = errors.map((e) => `${e.field} ${e.code}`).join(', ');
      return sendError(
        reply,
        invalidRequest(`The request ${where} is invalid: ${listed}.${suggestion ? ` ${suggestion.hint}` : ''}`, [
          ...errors,
          ...(suggestion?.errors ?? []),
        ]),
      );
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, payloadTooLarge());
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, unsupportedMediaType());
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendError(reply, invalidJson());
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(reply, requestRejected(fe.statusCode, fe.message));
    }
    // Unknown failures: log with the request id, answer opaquely (the error may carry secrets).
    request.log.error({ err: { name: fe.name, code: fe.code, message: fe.message, stack: fe.stack } }, 'unhandled error');
    return sendError(reply, serverError(request.id));
  });

  app.setNotFoundHandler((request, reply) => sendError(reply, routeNotFound(request.method, request.url.split('?')[0]!)));
}

/** Node's HTTP parser errors that have an answer of their own; every other one is a plain 400. */
const CLIENT_ERROR_STATUS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request did not arrive in time.'],
  HPE_HEADER_OVERFLOW: [431, 'The request headers are larger than 16 KiB.'],
};

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before any route sees them
 * (a NUL or a raw non-ASCII byte in the request line or a header, an unknown method, headers over
 * 16 KiB). Fastify's default answers those with a body that has no `code`; this one sends the
 * same JSON error body as every other answer (docs/security.md §17), then closes the connection
 * as Node does, since the parser cannot resynchronise on it.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = CLIENT_ERROR_STATUS[err.code ?? ''] ?? [400, 'The request is not valid HTTP.'];
  if (socket.writable) {
    const body = JSON.stringify(requestRejected(status, message).toBody());
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
