import { routePlugin } from './route-plugin.ts';
import { NoQuery, SlugParams, errorResponses } from '../schemas/common.ts';
import { AuthorizeBody, AuthorizeResponse } from '../schemas/authorization.ts';

/** R12: mints an authorization link (the browser side lives in web/flow-routes.ts). */
export const authorizeRoutes = routePlugin((app, deps) => {
  app.post(
    '/data-integrations/:slug/authorize',
    {
      config: { noIdempotencyStore: true },
      schema: {
        tags: ['Authorization'],
        summary: 'Get an authorization URL (R12)',
        description:
          'Returns a single-use link, valid 10 minutes, to send the user’s browser to. It shows a confirmation page, then goes to the provider.',
        params: SlugParams,
        querystring: NoQuery,
        body: AuthorizeBody,
        response: { 200: AuthorizeResponse, ...errorResponses(400, 403, 404, 422) },
      },
    },
    async ({ principal, params, body }) => deps.authorization.start(principal.environmentId, params.slug, body),
  );
});
