import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyService, Principal } from '../environments/api-key-service.ts';
import { apiKeyInvalid, apiKeyMissing, apiKeyWithoutBearer } from '../core/errors.ts';
import { sendError } from './error-handler.ts';
import type { ApiLimiters } from './rate-limits.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

/**
 * `Authorization: Bearer sk_…` → the environment the key speaks for; 401 with a JSON body otherwise.
 * Then the rate limits: a known key is counted per key id, a missing or wrong one per client
 * address (a limit on failed attempts too); over either, 429.
 */
export const requireApiKey = (apiKeys: ApiKeyService, limits: ApiLimiters = {}) =>
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // API answers may carry credentials: never cached, whatever the outcome (docs/security.md §8).
    reply.header('cache-control', 'no-store');
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const principal = match ? await apiKeys.authenticate(match[1]!) : null;
    if (!principal) {
      const refusal = limits.perAddress?.(request);
      if (refusal) return sendError(reply, refusal);
      // A newcomer often sends the bare key (`Authorization: sk_…`): name the fix rather than "not valid".
      const error = !header ? apiKeyMissing() : match ? apiKeyInvalid() : apiKeyWithoutBearer();
      return sendError(reply.header('www-authenticate', 'Bearer'), error);
    }
    request.principal = principal;
    const refusal = limits.perKey?.(request);
    if (refusal) return sendError(reply, refusal);
  };
