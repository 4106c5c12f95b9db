import type { FastifyInstance } from 'fastify';
import type { Readiness } from '../domain/readiness.ts';
import { Health, NotReady, Ready, operationsSchema } from './schemas/operations.ts';

/**
 * `/health` is liveness (the process answers: restart it if not); `/ready` is readiness (send it
 * traffic: the database answers and its migrations are current). Neither needs an API key, and
 * neither says more than the body documents.
 */
export function installProbes(app: FastifyInstance, readiness: () => Promise<Readiness>): void {
  app.get('/health', operationsSchema('Liveness probe', { 200: Health }), async () => ({ status: 'ok' as const }));

  app.get('/ready', operationsSchema('Readiness probe', { 200: Ready, 503: NotReady }), async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const state = await readiness();
    if (state.ready) return { status: 'ready' as const };
    return reply.code(503).send({ status: 'not_ready' as const, ...withoutReady(state) });
  });
}

const withoutReady = ({ ready: _ready, ...rest }: Readiness & { ready: false }) => rest;
