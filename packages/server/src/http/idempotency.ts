import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { idempotencyKeyInProgress, idempotencyKeyInvalid, idempotencyKeyReused } from '../core/errors.ts';
import type { IdempotencyLedger } from '../domain/idempotency-record.ts';
import { sendError } from './error-handler.ts';
import { DEFAULT_IDEMPOTENCY_MAX_KEYS, IdempotencyBound } from './idempotency-bound.ts';
import { toArray } from './route-hooks.ts';

const RETENTION_MS = 24 * 60 * 60 * 1000;
const ABANDONED_MS = 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { route: string; key: string } | undefined;
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
 * An API key holds at most `idempotencyMaxKeys` live keys (0: no bound); see IdempotencyBound.
 */
export function installIdempotency(
  app: FastifyInstance,
  deps: { idempotency: IdempotencyLedger; clock: Clock; idempotencyMaxKeys?: number },
): void {
  const { idempotency, clock } = deps;
  const max = deps.idempotencyMaxKeys ?? DEFAULT_IDEMPOTENCY_MAX_KEYS;
  const bound = max > 0 ? new IdempotencyBound({ ledger: idempotency, clock, max, retentionMs: RETENTION_MS }) : null;

  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.principal) return;
    const header = request.headers['idempotency-key'];
    if (typeof header !== 'string') return;
    if (!KEY_PATTERN.test(header)) {
      return sendError(reply, idempotencyKeyInvalid());
    }
    const { environmentId, apiKeyId } = request.principal;
    const route = `POST ${request.url.split('?')[0]}`;
    const bodyHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    const now = clock.now();
    const row = {
      environment_id: environmentId,
      api_key_id: apiKeyId,
      route,
      idempotency_key: header,
      body_hash: bodyHash,
      status: null,
      response: null,
      created_at: iso(now),
    };
    // At the bound only stored answers are served (replayed); any key that would take a row is refused.
    const refusal = bound ? await bound.reserve(apiKeyId) : null;
    if (!refusal && (await idempotency.claim(row))) {
      request.idempotency = { route, key: header };
      return;
    }
    const existing = await idempotency.get(environmentId, route, header);
    // Expired, or claimed by a request that died before answering: the key is free again.
    const stale =
      existing &&
      (Date.parse(existing.created_at) < now - RETENTION_MS ||
        (existing.status === null && Date.parse(existing.created_at) < now - ABANDONED_MS));
    if (!existing || stale) {
      if (refusal) return sendError(reply, refusal);
      if (existing) await idempotency.release(environmentId, route, header);
      // The place reserved above goes to the new row. (An abandoned row was already counted, so
      // the tally is one high until the next count: the safe side of a bound.)
      if (await idempotency.claim(row)) {
        request.idempotency = { route, key: header };
        return;
      }
      bound?.release(apiKeyId);
      return sendError(reply, idempotencyKeyInProgress());
    }
    // No new row: a stored answer is replayed or refused, so the place reserved above is given back.
    if (!refusal) bound?.release(apiKeyId);
    if (existing.body_hash !== bodyHash) {
      return sendError(reply, idempotencyKeyReused());
    }
    if (existing.status === null || existing.response === null) {
      return sendError(reply, idempotencyKeyInProgress());
    }
    return reply
      .code(existing.status)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(existing.response);
  };

  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    const { environmentId, apiKeyId } = request.principal;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await idempotency.release(environmentId, claim.route, claim.key);
      bound?.release(apiKeyId);
    } else await idempotency.complete(environmentId, claim.route, claim.key, reply.statusCode, payload);
    return payload;
  };

  // Attached per route, to the POST routes that store answers only: other routes (the vend path
  // above all) pay nothing for it.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || route.config?.noIdempotencyStore) return;
    route.preHandler = [...toArray(route.preHandler), preHandler] as NonNullable<typeof route.preHandler>;
    route.onSend = [...toArray(route.onSend), onSend] as NonNullable<typeof route.onSend>;
  });
}
