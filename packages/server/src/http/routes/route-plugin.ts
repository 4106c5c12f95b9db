import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.ts';

/** The instance a route module registers on: typed by the TypeBox provider, so handlers see validated input. */
export type RouteApp = Parameters<FastifyPluginAsyncTypebox>[0];

/**
 * A route module: app.ts registers each one as a Fastify plugin built from the app's dependencies.
 * That wiring is the same for every module, so it is written here once and a module only says
 * which routes it adds.
 */
export const routePlugin =
  (register: (app: RouteApp, deps: AppDeps) => void | Promise<void>): ((deps: AppDeps) => FastifyPluginAsyncTypebox) =>
  (deps) =>
  async (app) => {
    await register(app, deps);
  };
