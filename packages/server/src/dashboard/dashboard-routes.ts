import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, requestRejected } from '../core/errors.ts';
import { apiKeyRoutes } from './api-key-routes.ts';
import { assetRoutes } from './assets.ts';
import { catalogRoute } from './catalog-route.ts';
import { connectionRoutes } from './connection-routes.ts';
import type { DashboardDeps } from './deps.ts';
import { environmentRoutes } from './environment-routes.ts';
import { eventRoutes } from './event-routes.ts';
import { integrationRoutes } from './integration-routes.ts';
import { overviewRoute } from './overview-route.ts';
import { describeError, problem } from './problems.ts';
import { type DashboardCookies, dashboardCookies, frame, requireCsrf, requireOperator } from './session.ts';
import { showTooMany, signInRoutes, signOutRoute, TooManySignIns } from './sign-in-routes.ts';
import { type Problem, sendPage } from './view.ts';
import { webhookRoutes } from './webhook-routes.ts';

const FORM_LIMIT = 32 * 1024;

/** Every dashboard answer: a strict CSP (everything from OpenPipes itself), not cached, not framed, no Referer. */
const HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
} as const;

/** NUL and the other C0 controls but tab, line feed and carriage return (a textarea may hold those), and DEL. */
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
};

/** Errors become pages: the service's message for its errors, a generic one (logged) for the unexpected. */
function installProblemPages(app: FastifyInstance, cookies: DashboardCookies): void {
  const show = (request: Parameters<typeof frame>[0], reply: Parameters<typeof sendPage>[0], p: Problem, status: number) =>
    sendPage(reply, 'problemPage', { ...frame(request, p.title), failure: p }, status);

  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof TooManySignIns) return showTooMany(request, reply, cookies, err);
    if (err instanceof AppError) return show(request, reply, describeError(err), err.status);
    if (err.validation) {
      return show(request, reply, problem('The form could not be read', 'Some of its values are missing or too long.'), 400);
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return show(request, reply, problem('The request could not be handled', err.message), err.statusCode);
    }
    request.log.error({ err: { name: err.name, message: err.message, stack: err.stack } }, 'dashboard error');
    return show(request, reply, problem('Something went wrong', `Nothing was shown; quote request id ${request.id}.`), 500);
  });
  app.setNotFoundHandler((request, reply) =>
    show(request, reply, problem('Page not found', `There is no dashboard page at ${request.url.split('?')[0]}.`), 404),
  );
}

/**
 * The operator dashboard under /dashboard: server-rendered pages with plain forms (POST, then a
 * redirect), working without JavaScript. Sign-in and the stylesheets are public; every other page
 * needs a session, and every form POST the session's CSRF token.
 */
export const dashboardRoutes =
  (deps: DashboardDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cookies = dashboardCookies(deps.publicUrl);
    await app.register(cookie);
    await app.register(rateLimit, { global: false });
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(String(body))) fields[name] ??= value;
      // One rule for every form: no control characters in what an operator types. A NUL would be
      // stored on SQLite and refused by PostgreSQL (a 500), so it is refused here, on both.
      if (Object.entries(fields).some(([name, value]) => hasControlCharacter(name) || hasControlCharacter(value))) {
        return done(requestRejected(400, 'Form values may not contain control characters.'), undefined);
      }
      done(null, fields);
    });
    app.addHook('onRequest', async (_request, reply) => {
      reply.headers(HEADERS);
    });
    installProblemPages(app, cookies);
    assetRoutes(app);
    signInRoutes(app, deps, cookies);

    await app.register(async (signedIn) => {
      signedIn.addHook('onRequest', requireOperator(deps, cookies));
      signedIn.addHook('preValidation', requireCsrf(deps));
      signOutRoute(signedIn, deps, cookies);
      overviewRoute(signedIn, deps);
      environmentRoutes(signedIn, deps);
      apiKeyRoutes(signedIn, deps);
      catalogRoute(signedIn, deps);
      integrationRoutes(signedIn, deps);
      connectionRoutes(signedIn, deps);
      eventRoutes(signedIn, deps);
      webhookRoutes(signedIn, deps);
    });
  };
