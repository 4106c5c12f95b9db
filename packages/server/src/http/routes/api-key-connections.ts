import { ApiKeyConnectionBody } from '../schemas/connected-account.ts';
import { routePlugin } from './route-plugin.ts';
import { saveConnectionRoutes } from './save-connection-routes.ts';

/** R15 (add another API-key connection) and R16 (upsert / rotate). */
export const apiKeyConnectionRoutes = routePlugin((app, { apiKeyConnections, catalog }) =>
  saveConnectionRoutes(app, catalog, {
    path: '/data-integrations/:slug/api-key',
    body: ApiKeyConnectionBody,
    errors: [400, 404, 409, 422],
    tags: ['API-key connections'],
    summaries: { add: 'Create another API-key connection (R15)', upsert: 'Upsert an API key (R16)' },
    save: (environmentId, slug, input, mode) => apiKeyConnections.save(environmentId, slug, input, mode),
  }),
);
