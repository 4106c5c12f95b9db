import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidWidgetToken, unsupportedWidgetsVersion } from '../../core/errors.ts';
import type { EnvironmentService } from '../../environments/environment-service.ts';
import type { WidgetClaims, WidgetTokens } from '../../widgets/widget-token.ts';
import { sendError } from '../error-handler.ts';
import type { WidgetCors } from './widget-cors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    widget: WidgetClaims;
  }
}

/**
 * `Authorization: Bearer <widget token>` on every widget route. Anything else (no header, an
 * `sk_` key, a bad or expired token, an environment that is gone) is a 403, never a 401: the
 * widgets answer a 403 by fetching a new token and retrying once (widgets-api.md §2.3, §7.5).
 * CORS headers go on every answer, errors included, so the browser lets the widget read them.
 * `WorkOS-Widgets-Version` must be 1 when sent (§6); `WorkOS-Widgets-Type` is informational only.
 */
export const requireWidgetToken = (tokens: WidgetTokens, environments: EnvironmentService, cors: WidgetCors) =>
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    reply.header('cache-control', 'no-store');
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/.exec(header) : null;
    const claims = match ? tokens.verify(match[1]!) : null;
    const origins = claims ? await environments.originsOf(claims.env) : null;
    if (!claims || origins === null) {
      await cors.forUnknownEnvironment(request, reply);
      return sendError(reply, invalidWidgetToken(header ? 'The widget token is not valid or has expired.' : 'A widget token is required.'));
    }
    cors.forOrigins(request, reply, origins);
    const version = request.headers['workos-widgets-version'];
    if (version !== undefined && version !== '1') return sendError(reply, unsupportedWidgetsVersion());
    request.widget = claims;
  };
