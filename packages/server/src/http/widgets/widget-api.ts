import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import type { RouteApp } from '../routes/route-plugin.ts';
import { requireWidgetToken } from './widget-auth.ts';
import { WidgetCors } from './widget-cors.ts';

/** A group of widget routes, registered under `/_widgets` behind the widget-token check. */
export type WidgetRoutes = (app: RouteApp, deps: AppDeps) => void | Promise<void>;

/**
 * The widgets API (widgets-api.md): what WorkOS's `<Pipes>`/`<PipesAdmin>` and our own hosted
 * widgets call, with widget tokens only (an API key is never accepted here, nor a widget token
 * on the REST routes) and CORS for the environment's allowed origins.
 */
export async function registerWidgetApi(app: FastifyInstance, deps: AppDeps, groups: readonly WidgetRoutes[]): Promise<void> {
  const cors = new WidgetCors(deps.environments);
  app.options('/_widgets/*', { schema: { hide: true } }, (request, reply) => cors.preflight(request, reply));
  await app.register(
    async (widgets) => {
      widgets.addHook('onRequest', requireWidgetToken(deps.widgetTokenVerifier, deps.environments, cors));
      for (const group of groups) await group(widgets as unknown as RouteApp, deps);
    },
    { prefix: '/_widgets' },
  );
}
