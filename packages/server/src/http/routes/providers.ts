import type { TSchema } from 'typebox';
import type { Listing } from '../../connections/provider-listing.ts';
import { AnswerCache } from '../answer-cache.ts';
import { routePlugin } from './route-plugin.ts';
import { schemaFor } from './route-schema.ts';
import { presentDataProvider } from '../presenters/data-provider.ts';
import { OrgParams, UserParams, errorResponses } from '../schemas/common.ts';
import { DataProviderList, OrgProvidersQuery, UserProvidersQuery } from '../schemas/data-provider.ts';

const schema = schemaFor(['Providers']);

/**
 * Both listings answer the same list shape; only the owner (and so params and query) differ. The
 * answer is sent as text already serialized (below), so the schema is typed as a plain TSchema.
 */
const documented: TSchema = DataProviderList;
const listSchema = <P extends TSchema, Q extends TSchema>(summary: string, params: P, querystring: Q) =>
  schema(summary, { params, querystring, response: { 200: documented, ...errorResponses(400) } });

/** Room for a few thousand listings' answers (an answer with 30 providers is about 20 KB). */
const ANSWER_CACHE_BYTES = 16 * 1024 * 1024;

/** R1 and R23: every enabled provider with the owner's connection status. */
export const providerRoutes = routePlugin((app, { listing }) => {
  const answers = new AnswerCache(ANSWER_CACHE_BYTES);
  // The presenters build exactly the documented shape, so the answer is serialized once, here, and
  // kept as text; the response schema still documents it.
  const answer = async (key: unknown[], read: Promise<Listing>) => {
    const l = await read;
    return answers.get(JSON.stringify(key), l.stamp, async () =>
      JSON.stringify({ object: 'list', data: (await l.items()).map(presentDataProvider) }),
    );
  };

  app.get(
    '/user_management/users/:user_id/data_providers',
    listSchema('List providers for a user (R1)', UserParams, UserProvidersQuery),
    async (request, reply) => {
      const { query, principal, params } = request;
      const plural = query.supports_multiple_connections === 'true';
      const organizationId = query.organization_id ?? null;
      const body = await answer(
        [principal.environmentId, 'user', params.user_id, organizationId, plural],
        listing.forUser(principal.environmentId, params.user_id, organizationId, plural),
      );
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get(
    '/organizations/:organization_id/data_providers',
    listSchema('List organization-owned providers (R23)', OrgParams, OrgProvidersQuery),
    async (request, reply) => {
      const { query, principal, params } = request;
      const plural = query.supports_multiple_connections === 'true';
      const body = await answer(
        [principal.environmentId, 'organization', params.organization_id, plural],
        listing.forOrganization(principal.environmentId, params.organization_id, plural),
      );
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
});
