import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EnvironmentService } from '../../environments/environment-service.ts';

const ALLOW_METHODS = 'GET, POST, PUT, DELETE';
const ALLOW_HEADERS = 'Authorization, Content-Type, WorkOS-Widgets-Version, WorkOS-Widgets-Type, X-Elevated-Access-Token';
/** How long the union of every environment's origins is reused for preflights and token-less answers. */
const UNION_TTL_MS = 1_000;

/**
 * CORS for the widget routes (widgets-api.md §9): an origin is allowed when it is one of the
 * environment's allowed origins (the same list as `return_to`). A preflight and a token-less
 * answer carry no token, so they use the union of every environment's origins; an answer to a
 * verified token uses its environment's alone. Never credentials, never wildcards.
 */
export class WidgetCors {
  private union: { origins: Set<string>; until: number } | null = null;

  constructor(private readonly environments: EnvironmentService) {}

  /** `OPTIONS`: 204, with the CORS headers only for an allowed origin. */
  async preflight(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const origin = request.headers.origin;
    reply.header('vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    if (origin && (await this.unionOfOrigins()).has(origin)) {
      reply
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-methods', ALLOW_METHODS)
        .header('access-control-allow-headers', ALLOW_HEADERS)
        .header('access-control-max-age', '7200');
      if (request.headers['access-control-request-private-network'] === 'true')
        reply.header('access-control-allow-private-network', 'true');
    }
    await reply.code(204).send();
  }

  forOrigins(request: FastifyRequest, reply: FastifyReply, origins: readonly string[]): void {
    const origin = request.headers.origin;
    if (origin && origins.includes(origin)) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  }

  async forUnknownEnvironment(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    this.forOrigins(request, reply, [...(await this.unionOfOrigins())]);
  }

  private async unionOfOrigins(): Promise<Set<string>> {
    const now = Date.now();
    if (!this.union || this.union.until <= now) {
      const all = (await this.environments.list()).flatMap((e) => e.allowed_return_origins);
      this.union = { origins: new Set(all), until: now + UNION_TTL_MS };
    }
    return this.union.origins;
  }
}
