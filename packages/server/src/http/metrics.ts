import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import { metricsDisabled, metricsTokenRequired } from '../core/errors.ts';
import { sendError } from './error-handler.ts';
import { MetricsResponse, operationsSchema } from './schemas/operations.ts';

/** Compared as fixed-length digests, so neither the length nor a prefix of the token leaks through timing. */
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `/metrics` (Prometheus text format) and the per-request histogram, when OPENPIPES_METRICS=true
 * (`endpoint` not null). Off, `/metrics` answers 404 saying how to turn it on, and no hook runs
 * on any request. Labels are the route pattern (`/data-integrations/:slug/token`), never the URL,
 * so link tokens and slugs neither reach the metrics nor multiply its series; requests matching
 * no route share `unmatched`.
 */
export function installMetrics(app: FastifyInstance, registry: Registry, endpoint: { token: string | null } | null): void {
  const schema = operationsSchema('Prometheus metrics (OPENPIPES_METRICS=true)', MetricsResponse, endpoint?.token != null);
  if (!endpoint) {
    app.get('/metrics', schema, async (_request, reply) => sendError(reply, metricsDisabled()));
    return;
  }

  const requests = new Histogram({
    name: 'openpipes_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status; `_count` is the number of requests.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    requests.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const expected = endpoint.token === null ? null : digest(endpoint.token);
  app.get('/metrics', schema, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (expected) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
        return sendError(reply.header('www-authenticate', 'Bearer'), metricsTokenRequired());
      }
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
