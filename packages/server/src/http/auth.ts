import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyService, Principal } from '../environments/api-key-service.ts';
import { apiKeyInvalid, apiKeyMissing, apiKeyWithoutBearer } from '../core/errors.ts';
import { sendError } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** `Authorization: Bearer sk_…` → the environment the key speaks for; 401 with a JSON body otherwise. */
export const requireApiKey = (apiKeys: ApiKeyService) =>
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // API answers may carry credentials: never cached, whatever the outcome (docs/security.md §8).
    reply.header('cache-control', 'no-store');
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const principal = match ? await apiKeys.authenticate(match[1]!) : null;
    if (!principal) {
      // A newcomer often sends the bare key (`Authorization: sk_…`): name the fix rather than "not valid".
      const error = !header ? apiKeyMissing() : match ? apiKeyInvalid() : apiKeyWithoutBearer();
      return sendError(reply.header('www-authenticate', 'Bearer'), error);
    }
    request.principal = principal;
  };
