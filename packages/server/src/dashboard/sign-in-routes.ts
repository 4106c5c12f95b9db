import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { sameToken } from '../operators/session-service.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { problem } from './problems.ts';
import { type DashboardCookies, SIGN_IN_PATH, frame, refuseForm } from './session.ts';
import { type Problem, sendPage } from './view.ts';

/** Sign-in requests per client address in a window, whatever their outcome (@fastify/rate-limit). */
const PER_ADDRESS = { max: 20, timeWindow: 15 * 60 * 1000 } as const;

const SignInBody = Type.Object(
  {
    csrf_token: Type.String({ maxLength: 128 }),
    username: Type.String({ maxLength: 64 }),
    password: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);

/** Thrown by the address limit; the dashboard's error handler shows the sign-in form with it. */
export class TooManySignIns extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('too many sign-in attempts');
  }
}

const tooMany = (seconds: number): Problem =>
  problem('Too many sign-in attempts', `Wait ${Math.max(1, Math.ceil(seconds / 60))} minute(s), then try again.`);

/** The sign-in form with a fresh form token (also set as a cookie: double-submit). */
export function showSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  cookies: DashboardCookies,
  extra: { problem?: Problem; username?: string } = {},
  status = 200,
): FastifyReply {
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(cookies.signIn.name, token, cookies.signIn.options);
  return sendPage(
    reply,
    'signIn',
    { ...frame(request, 'Sign in'), signInToken: token, username: extra.username ?? '', problem: extra.problem ?? null },
    status,
  );
}

/** GET and POST /dashboard/sign-in, and sign-out (registered with the signed-in routes). */
export function signInRoutes(app: DashboardApp, deps: DashboardDeps, cookies: DashboardCookies): void {
  app.get('/sign-in', { schema: { hide: true } }, async (request, reply) => {
    const token = request.cookies[cookies.session.name];
    if (token && (await deps.operatorSessions.authenticate(token))) return reply.code(303).header('location', '/dashboard').send();
    return showSignIn(request, reply, cookies);
  });

  app.post(
    '/sign-in',
    {
      schema: { hide: true, body: SignInBody },
      config: {
        rateLimit: {
          ...PER_ADDRESS,
          errorResponseBuilder: (_request, context) => new TooManySignIns(Math.ceil(context.ttl / 1000)),
        },
      },
      preValidation: async (request, reply) => {
        const expected = request.cookies[cookies.signIn.name];
        const submitted = (request.body as Record<string, unknown> | undefined)?.csrf_token;
        if (!expected || typeof submitted !== 'string' || !sameToken(submitted, expected)) return refuseForm(request, reply);
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await deps.operatorSessions.signIn(username, password);
      if (!result.ok) {
        if (result.reason === 'throttled')
          return showSignIn(request, reply, cookies, { problem: tooMany(result.retryAfterMs / 1000), username }, 429);
        const wrong = problem('Wrong username or password', 'Check both and try again.');
        return showSignIn(request, reply, cookies, { problem: wrong, username }, 401);
      }
      reply.clearCookie(cookies.signIn.name, cookies.signIn.options);
      reply.setCookie(cookies.session.name, result.token, cookies.session.options);
      return reply.code(303).header('location', '/dashboard').send();
    },
  );
}

/** POST /dashboard/sign-out: ends the session (CSRF-checked like every signed-in form). */
export function signOutRoute(app: DashboardApp, deps: DashboardDeps, cookies: DashboardCookies): void {
  app.post('/sign-out', { schema: { hide: true } }, async (request, reply) => {
    const token = request.cookies[cookies.session.name];
    if (token) await deps.operatorSessions.signOut(token);
    reply.clearCookie(cookies.session.name, cookies.session.options);
    return reply.code(303).header('location', SIGN_IN_PATH).send();
  });
}

/** The sign-in form again, saying the address limit was hit. */
export const showTooMany = (request: FastifyRequest, reply: FastifyReply, cookies: DashboardCookies, e: TooManySignIns) =>
  showSignIn(request, reply.header('retry-after', String(e.retryAfterSeconds)), cookies, { problem: tooMany(e.retryAfterSeconds) }, 429);
