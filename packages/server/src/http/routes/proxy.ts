import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { routePlugin } from './route-plugin.ts';
import { readProxySelection } from './proxy-selection.ts';
import { Slug, errorResponses } from '../schemas/common.ts';

const SOURCE = 'openpipes-proxy-source';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const DESCRIPTION = [
  "Sends the request to the provider's API base URL plus the path after `/proxy/{slug}` and the query string, with the",
  "connection's credential attached, and answers with the provider's status, headers (hop-by-hop ones removed) and body,",
  'streamed both ways. The connection is chosen as vend chooses it: `OpenPipes-User-Id` (required), `OpenPipes-Organization-Id`,',
  '`OpenPipes-Connection-Owner: user|organization`, `OpenPipes-Connected-Account-Id`; `OpenPipes-Retries: 0–5` retries idempotent',
  'requests on 429/502/503/504. Every answer carries `OpenPipes-Proxy-Source: provider` (the provider answered) or `openpipes`',
  "(an OpenPipes error body). The caller's `Authorization`, `OpenPipes-*`, cookies and hop-by-hop headers are never forwarded.",
].join(' ');

const ProxyParams = Type.Object({
  slug: Slug,
  '*': Type.Optional(Type.String({ description: 'The provider API path.', examples: ['users/me'] })),
});

/**
 * Issue 12's proxy to provider APIs. Bodies are not parsed here: a catch-all parser leaves the
 * request stream as it is, which the proxy pipes to the provider (no size limit of its own).
 */
export const proxyRoutes = routePlugin((app, { proxy }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  // Every answer says who gave it: the provider's answers are marked in the handler, so anything
  // else (401/429 from the API-key hook, a refused path, no connection…) is OpenPipes' own.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader(SOURCE)) {
      reply.header(SOURCE, 'openpipes');
      proxy.countOwnAnswer((_request.params as { slug?: string }).slug ?? '', reply.statusCode);
    }
    return payload;
  });

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const { selection, retries } = readProxySelection(request.headers);
    const slug = (request.params as { slug: string }).slug;
    const raw = request.raw.url ?? request.url;
    const q = raw.indexOf('?');
    const path = q === -1 ? raw : raw.slice(0, q);
    const prefix = `/proxy/${slug}`;
    const rest = path.startsWith(prefix) ? path.slice(prefix.length) : path.slice(path.indexOf('/', '/proxy/'.length));
    const hasBody =
      request.method !== 'HEAD' &&
      (request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0);
    const answer = await proxy.forward({
      environmentId: request.principal.environmentId,
      slug,
      selection,
      retries,
      method: request.method,
      rest,
      query: q === -1 ? null : raw.slice(q + 1),
      headers: request.headers,
      body: hasBody ? request.raw : null,
    });
    return reply.code(answer.status).headers(answer.headers).header(SOURCE, 'provider').send(answer.body);
  };

  const schema = {
    tags: ['Proxy'],
    summary: 'Call the provider API with a connection’s credential (issue 12)',
    description: DESCRIPTION,
    params: ProxyParams,
    response: {
      200: {
        description: "The provider's answer, passed through (any status the provider sends), e.g. GitHub's `GET /user`.",
        examples: [{ login: 'octocat', id: 1 }],
      },
      ...errorResponses(400, 403, 404, 409, 422, 429, 502, 503, 504),
    },
  };
  for (const url of ['/proxy/:slug', '/proxy/:slug/*']) {
    app.route({ method: [...METHODS], url, exposeHeadRoute: false, config: { noIdempotencyStore: true }, schema, handler });
  }
});
