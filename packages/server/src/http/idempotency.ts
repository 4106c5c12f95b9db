import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Store } from '../store/store.ts';

const RETENTION_MS = 24 * 60 * 60 * 1000;
const ABANDONED_MS = 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { route: string; key: string };
  }
  interface FastifyContextConfig {
    /**
     * The route is safe to repeat and its answer must not be stored: token vending answers carry
     * credentials (never written to the database in clear), and each authorization link is single-use.
     */
    noIdempotencyStore?: boolean;
  }
}

/**
 * §10.15: a POST carrying `Idempotency-Key` is answered once per environment + route for 24 h.
 * The key is claimed by inserting its row (the primary key decides between racing requests);
 * the answer is stored on send. A 5xx releases the key so a retry can run the request again.
 */
export function installIdempotency(app: FastifyInstance, deps: { store: Store; clock: Clock }): void {
  const { store, clock } = deps;

  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.principal) return;
    const header = request.headers['idempotency-key'];
    if (typeof header !== 'string') return;
    if (!KEY_PATTERN.test(header)) {
      return reply.code(400).send({ code: 'invalid_request', message: 'Idempotency-Key must be 1–255 visible ASCII characters.', errors: [{ field: 'Idempotency-Key', code: 'invalid_format' }] });
    }
    const environmentId = request.principal.environmentId;
    const route = `POST ${request.url.split('?')[0]}`;
    const bodyHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    const now = clock.now();
    const row = { environment_id: environmentId, route, idempotency_key: header, body_hash: bodyHash, status: null, response: null, created_at: iso(now) };
    if (await store.idempotency.claim(row)) {
      request.idempotency = { route, key: header };
      return;
    }
    const existing = await store.idempotency.get(environmentId, route, header);
    // Expired, or claimed by a request that died before answering: the key is free again.
    const stale = existing && (Date.parse(existing.created_at) < now - RETENTION_MS || (existing.status === null && Date.parse(existing.created_at) < now - ABANDONED_MS));
    if (!existing || stale) {
      if (existing) await store.idempotency.release(environmentId, route, header);
      if (await store.idempotency.claim(row)) {
        request.idempotency = { route, key: header };
        return;
      }
      return reply.code(409).send({ code: 'idempotency_key_in_progress', message: 'A request with this Idempotency-Key is in progress; retry shortly.' });
    }
    if (existing.body_hash !== bodyHash) {
      return reply.code(409).send({ code: 'idempotency_key_reused', message: 'This Idempotency-Key was used with a different request body.' });
    }
    if (existing.status === null || existing.response === null) {
      return reply.code(409).send({ code: 'idempotency_key_in_progress', message: 'A request with this Idempotency-Key is in progress; retry shortly.' });
    }
    return reply.code(existing.status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(existing.response);
  };

  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    const environmentId = request.principal.environmentId;
    if (reply.statusCode >= 500 || typeof payload !== 'string') await store.idempotency.release(environmentId, claim.route, claim.key);
    else await store.idempotency.complete(environmentId, claim.route, claim.key, reply.statusCode, payload);
    return payload;
  };

  // Attached per route, to the POST routes that store answers only: other routes (the vend path
  // above all) pay nothing for it.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || route.config?.noIdempotencyStore) return;
    route.preHandler = [...toArray(route.preHandler), preHandler] as typeof route.preHandler;
    route.onSend = [...toArray(route.onSend), onSend] as typeof route.onSend;
  });
}

const toArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
