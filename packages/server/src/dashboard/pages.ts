import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { type Static, type TSchema, Type } from 'typebox';
import { SLUG_PATTERN } from '../catalog/provider-definition.ts';
import { AppError } from '../core/errors.ts';
import type { Environment } from '../domain/environment.ts';
import { describeError } from './problems.ts';
import { frame } from './session.ts';
import type { TemplateName } from './templates/index.ts';
import { type PageFrame, type Problem, sendPage } from './view.ts';

/** What a redirect after a change says on the next page (`?done=saved`); only these texts are ever shown. */
const NOTICES = {
  created: 'Created.',
  saved: 'Saved.',
  enabled: 'Enabled.',
  disabled: 'Disabled.',
  revoked: 'Revoked. The key stops working within 5 seconds in every process.',
  resent: 'Queued again: the delivery is attempted within a few seconds.',
} as const;
export type Notice = keyof typeof NOTICES;

export const EnvironmentParams = Type.Object({ name: Type.String({ pattern: SLUG_PATTERN }) }, { additionalProperties: false });
export const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: true });

/** The notice a `?done=` names, or null. */
export const noticeOf = (done: string | undefined): string | null =>
  done !== undefined && Object.hasOwn(NOTICES, done) ? NOTICES[done as Notice] : null;

/** GET `/environments/:name<path>`: a page of the environment the URL names, with the notice `?done=` asks for. */
export function environmentPage(
  app: DashboardApp,
  deps: Pick<DashboardDeps, 'environments'>,
  path: string,
  show: (request: FastifyRequest, reply: FastifyReply, env: Environment, done: string | undefined) => Promise<FastifyReply> | FastifyReply,
): void {
  app.get(
    `/environments/:name${path}`,
    { schema: { hide: true, params: EnvironmentParams, querystring: DoneQuery } },
    async (request, reply) => show(request, reply, await deps.environments.byName(request.params.name), request.query.done),
  );
}

/** GET `/environments/:name<path>` with a query (a search form's fields) checked against `query`. */
export function environmentSearch<Q extends TSchema>(
  app: DashboardApp,
  deps: Pick<DashboardDeps, 'environments'>,
  route: { path: string; query: Q },
  show: (request: FastifyRequest, reply: FastifyReply, env: Environment, fields: Static<Q>) => Promise<FastifyReply>,
): void {
  const schema = { hide: true, params: EnvironmentParams, querystring: route.query };
  app.get(`/environments/:name${route.path}`, { schema }, async (request, reply) => {
    const env = await deps.environments.byName(request.params.name);
    return show(request, reply, env, request.query as Static<Q>);
  });
}

/** POST `/environments/:name<path>`: a form of the environment the URL names, its fields checked against `body`. */
export function environmentForm<B extends TSchema>(
  app: DashboardApp,
  deps: Pick<DashboardDeps, 'environments'>,
  path: string,
  body: B,
  handle: (request: FastifyRequest, reply: FastifyReply, env: Environment, fields: Static<B>) => Promise<FastifyReply>,
): void {
  app.post(`/environments/:name${path}`, { schema: { hide: true, params: EnvironmentParams, body } }, async (request, reply) =>
    handle(request, reply, await deps.environments.byName(request.params.name), request.body as Static<B>),
  );
}

export const seeOther = (reply: FastifyReply, location: string): FastifyReply => reply.code(303).header('location', location).send();

const TABS = [
  ['settings', 'Settings', ''],
  ['keys', 'API keys', '/api-keys'],
  ['integrations', 'Integrations', '/integrations'],
  ['providers', 'Add integration', '/providers'],
  ['connections', 'Connections', '/connections'],
  ['events', 'Events', '/events'],
  ['webhooks', 'Webhooks', '/webhooks'],
] as const;
export type EnvironmentTab = (typeof TABS)[number][0];

/** The frame of a page inside one environment: breadcrumb, the environment's tabs, the notice. */
export function environmentFrame(
  request: FastifyRequest,
  env: Environment,
  title: string,
  tab: EnvironmentTab,
  done?: string | undefined,
): PageFrame & { environment: Environment; tabs: { href: string; label: string; current: boolean }[] } {
  const base = `/dashboard/environments/${encodeURIComponent(env.name)}`;
  return {
    ...frame(request, `${title} · ${env.name}`, 'environments'),
    notice: noticeOf(done),
    environment: env,
    tabs: TABS.map(([key, label, path]) => ({ href: `${base}${path}`, label, current: key === tab })),
  };
}

/** How a page is being shown: after a change (`done`), or again with the problem of a submission. */
export interface Shown {
  done?: string | undefined;
  problem?: Problem;
  status?: number;
}

/** Sends a page of one environment: its frame (breadcrumb, tabs, notice, problem) and the page's own data. */
export function sendEnvironmentPage<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { env: Environment; template: TemplateName; title: string; tab: EnvironmentTab },
  shown: Shown,
  data: T,
): FastifyReply {
  const pageFrame = environmentFrame(request, page.env, page.title, page.tab, shown.done);
  return sendPage(reply, page.template, { ...pageFrame, problem: shown.problem ?? null, ...data }, shown.status);
}

/**
 * A form's change, then a redirect to where it leads (POST-redirect-GET). A service error shows the
 * form again, with the service's message and what was typed, under the error's status.
 */
export async function submitForm(
  reply: FastifyReply,
  change: () => Promise<string>,
  reshow: (problem: Problem, status: number) => Promise<FastifyReply> | FastifyReply,
): Promise<FastifyReply> {
  let location: string;
  try {
    location = await change();
  } catch (e) {
    if (e instanceof AppError) return reshow(describeError(e), e.status);
    throw e;
  }
  return seeOther(reply, location);
}

/** A timestamp as the tables show it: `YYYY-MM-DD HH:MM` (UTC). */
export const minute = (iso: string | null): string => (iso === null ? '' : iso.slice(0, 16).replace('T', ' '));

/** A form field sent empty means "any": absent. */
export const given = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/** A checkbox's value: present and "on" when ticked. */
export const ticked = (value: string | undefined): boolean => value === 'on';
