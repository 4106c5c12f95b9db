import { idPattern } from '../core/ids.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AuthorizationService, FlowPage } from '../connections/authorization-service.ts';
import { SLUG_PATTERN } from '../catalog/provider-definition.ts';
import { confirmPage, errorPage, FLOW_PAGE_CSP, FLOW_PAGE_HEADERS, redirectingPage, successPage } from './flow-pages.ts';
import { HANDOFF_SCRIPT } from './handoff-script.ts';

const LinkParams = Type.Object({ link: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
const CallbackParams = Type.Object(
  { slug: Type.String({ pattern: SLUG_PATTERN }), key: Type.String({ pattern: idPattern('redirectKey') }) },
  { additionalProperties: false },
);
const Param = Type.Optional(Type.String({ maxLength: 4096 }));
// Providers add their own parameters (Google: scope, authuser…); only these are read.
const CallbackQuery = Type.Object(
  { code: Param, state: Param, iss: Param, error: Param, error_description: Param },
  { additionalProperties: true },
);
const ConfirmBody = Type.Object(
  {
    csrf_token: Type.String({ maxLength: 128 }),
    handoff_token: Type.Optional(Type.String({ maxLength: 128 })),
    opener_origin: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: true },
);

const parseCookies = (header: string | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
};

/**
 * The browser side of the authorization flow: the link R12 hands out (confirmation page and its
 * POST), and the provider's callback. No API key here; the flow's own secrets authorise it.
 */
export const flowRoutes =
  (deps: { authorization: AuthorizationService; publicUrl: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const secure = deps.publicUrl.startsWith('https://');

    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });

    const render = (reply: FastifyReply, page: FlowPage, action: string) => {
      reply.headers(FLOW_PAGE_HEADERS).header('content-security-policy', FLOW_PAGE_CSP);
      switch (page.kind) {
        case 'confirm':
          // A handoff-bound page runs one same-origin script (the handoff); every other page none.
          if (page.handoff !== 'none')
            reply.header('content-security-policy', FLOW_PAGE_CSP.replace("default-src 'none';", "default-src 'none'; script-src 'self';"));
          return reply.type('text/html; charset=utf-8').send(confirmPage({ ...page, action }));
        case 'redirect':
          if (page.cookie) {
            reply.header(
              'set-cookie',
              `${page.cookie.name}=${page.cookie.value}; Path=/data-integrations; Max-Age=${page.cookie.maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
            );
          }
          return reply.code(303).header('location', page.location).send();
        case 'success':
          return reply.type('text/html; charset=utf-8').send(successPage(page.providerName));
        case 'error':
          return reply.code(page.status).type('text/html; charset=utf-8').send(errorPage(page.title, page.message));
      }
    };

    app.get('/pipes/handoff.js', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(HANDOFF_SCRIPT),
    );

    // The popup's first page: static, no script, no COOP (it would cut the widget's link to the popup).
    app.get('/pipes/redirecting', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .headers(FLOW_PAGE_HEADERS)
        .header('content-security-policy', FLOW_PAGE_CSP)
        .type('text/html; charset=utf-8')
        .send(redirectingPage()),
    );

    const linkPath = '/data-integrations/:link/authorize-redirect';
    app.get(linkPath, { schema: { hide: true, params: LinkParams } }, async (request, reply) =>
      render(reply, await deps.authorization.open(request.params.link), request.url.split('?')[0]!),
    );
    app.post(linkPath, { schema: { hide: true, params: LinkParams, body: ConfirmBody } }, async (request, reply) =>
      render(
        reply,
        await deps.authorization.confirm(request.params.link, request.body.csrf_token, {
          token: request.body.handoff_token,
          openerOrigin: request.body.opener_origin,
        }),
        request.url.split('?')[0]!,
      ),
    );

    app.get(
      '/data-integrations/:slug/:key/callback',
      { schema: { hide: true, params: CallbackParams, querystring: CallbackQuery } },
      async (request, reply) =>
        render(
          reply,
          await deps.authorization.callback(request.params.slug, request.params.key, request.query, parseCookies(request.headers.cookie)),
          '',
        ),
    );
  };
