import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedIn } from '../operators/session-service.ts';
import { SESSION_LIMITS } from '../domain/operator.ts';
import type { DashboardDeps } from './deps.ts';
import { problem } from './problems.ts';
import { type PageFrame, sendPage } from './view.ts';

export const SIGN_IN_PATH = '/dashboard/sign-in';

/**
 * The dashboard's two cookies: the session, and the sign-in form's token (its CSRF defence before a
 * session exists). HttpOnly and SameSite=Strict always; over https also Secure with the `__Host-`
 * prefix, which pins them to this host and path `/`.
 */
export function dashboardCookies(publicUrl: string) {
  const secure = publicUrl.startsWith('https://');
  const base = { httpOnly: true, sameSite: 'strict', secure, path: secure ? '/' : '/dashboard' } as const;
  const prefix = secure ? '__Host-' : '';
  return {
    session: { name: `${prefix}openpipes_session`, options: { ...base, maxAge: SESSION_LIMITS.absoluteMs / 1000 } },
    signIn: { name: `${prefix}openpipes_sign_in`, options: { ...base, maxAge: 60 * 60 } },
  };
}

export type DashboardCookies = ReturnType<typeof dashboardCookies>;

const signedIn = new WeakMap<FastifyRequest, SignedIn>();

/** The operator behind a request of a signed-in page (set by `requireOperator`). */
export function operatorOf(request: FastifyRequest): SignedIn {
  const who = signedIn.get(request);
  if (!who) throw new Error('operatorOf called outside the signed-in routes');
  return who;
}

/** The layout's frame of a page, with the operator's navigation when someone is signed in. */
export function frame(request: FastifyRequest, title: string, section?: PageFrame['section']): PageFrame {
  const who = signedIn.get(request);
  return {
    title,
    operator: who ? { username: who.operator.username, csrfToken: who.csrfToken } : null,
    ...(section ? { section } : {}),
  };
}

/** onRequest: a valid session or a redirect to the sign-in page. */
export const requireOperator =
  (deps: Pick<DashboardDeps, 'operatorSessions'>, cookies: DashboardCookies) => async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[cookies.session.name];
    const who = token ? await deps.operatorSessions.authenticate(token) : null;
    if (!who) {
      if (token) reply.clearCookie(cookies.session.name, cookies.session.options);
      return reply.code(303).header('location', SIGN_IN_PATH).send();
    }
    signedIn.set(request, who);
  };

/** preValidation: every POST of a signed-in page carries the session's CSRF token, else 403 and nothing happens. */
export const requireCsrf = (deps: Pick<DashboardDeps, 'operatorSessions'>) => async (request: FastifyRequest, reply: FastifyReply) => {
  if (request.method !== 'POST') return;
  const submitted = (request.body as Record<string, unknown> | undefined)?.csrf_token;
  if (deps.operatorSessions.checkCsrf(operatorOf(request).session, submitted)) return;
  return refuseForm(request, reply);
};

/** The 403 page for a form whose token is missing or stale. */
export const refuseForm = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  sendPage(
    reply,
    'problemPage',
    {
      ...frame(request, 'The form could not be verified'),
      failure: problem(
        'The form could not be verified',
        'Its security token is missing or out of date, so nothing was changed. Reload the page and submit the form again.',
      ),
    },
    403,
  );
