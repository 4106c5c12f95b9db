import { DEFAULT_ENVIRONMENT } from '../environments/environment-service.ts';
import { activityCharts } from './activity.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { allIntegrations } from './integration-view.ts';
import { frame } from './session.ts';
import { sendPage } from './view.ts';

/** GET /dashboard: what is configured, by section, and the activity charts. */
export function overviewRoute(app: DashboardApp, deps: DashboardDeps): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const envs = await deps.environments.list();
    const perEnvironment = await Promise.all(envs.map(async (env) => ({ env, items: await allIntegrations(deps.integrations, env.id) })));
    const all = perEnvironment.flatMap((e) => e.items);
    return sendPage(reply, 'overview', {
      ...frame(request, 'Overview', 'overview'),
      environmentCount: envs.length,
      integrationCount: all.length,
      enabledCount: all.filter((i) => i.row.enabled).length,
      environments: perEnvironment.map(({ env, items }) => ({ name: env.name, integrations: items.length })),
      providerCount: deps.catalog.list().length,
      charts: await activityCharts(deps),
      defaultEnvironment: envs.find((e) => e.name === DEFAULT_ENVIRONMENT)?.name ?? envs[0]?.name ?? null,
    });
  });
}
