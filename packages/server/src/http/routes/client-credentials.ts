import { ClientCredentialsBody } from '../schemas/authorization.ts';
import { routePlugin } from './route-plugin.ts';
import { saveConnectionRoutes } from './save-connection-routes.ts';

/** R17 (add another client-credentials connection) and R18 (upsert / rotate). */
export const clientCredentialsRoutes = routePlugin((app, { clientCredentials, catalog }) =>
  saveConnectionRoutes(app, catalog, {
    path: '/data-integrations/:slug/client-credentials',
    body: ClientCredentialsBody,
    // 503: the credentials are tried at the provider's token endpoint before anything is saved, and it may not answer.
    errors: [400, 404, 409, 422, 503],
    tags: ['Client-credentials connections'],
    summaries: { add: 'Create another client-credentials connection (R17)', upsert: 'Upsert client credentials (R18)' },
    save: (environmentId, slug, input, mode) => clientCredentials.save(environmentId, slug, input, mode),
  }),
);
