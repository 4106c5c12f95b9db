import type { TSchema } from 'typebox';
import type { ProviderListItem } from '../../connections/provider-listing.ts';
import { routePlugin } from './route-plugin.ts';
import { schemaFor } from './route-schema.ts';
import { presentDataProvider } from '../presenters/data-provider.ts';
import { OrgParams, UserParams, errorResponses } from '../schemas/common.ts';
import { DataProviderList, OrgProvidersQuery, UserProvidersQuery } from '../schemas/data-provider.ts';

const schema = schemaFor(['Providers']);

/** Both listings answer the same list shape; only the owner (and so params and query) differ. */
const listSchema = <P extends TSchema, Q extends TSchema>(summary: string, params: P, querystring: Q) =>
  schema(summary, { params, querystring, response: { 200: DataProviderList, ...errorResponses(400) } });
const listOf = (items: ProviderListItem[]) => ({ object: 'list' as const, data: items.map(presentDataProvider) });

/** R1 and R23: every enabled provider with the owner's connection status. */
export const providerRoutes = routePlugin((app, { listing }) => {
  app.get(
    '/user_management/users/:user_id/data_providers',
    listSchema('List providers for a user (R1)', UserParams, UserProvidersQuery),
    async (request) => {
      const { query } = request;
      const plural = query.supports_multiple_connections === 'true';
      return listOf(await listing.forUser(request.principal.environmentId, request.params.user_id, query.organization_id ?? null, plural));
    },
  );

  app.get(
    '/organizations/:organization_id/data_providers',
    listSchema('List organization-owned providers (R23)', OrgParams, OrgProvidersQuery),
    async (request) => {
      const plural = request.query.supports_multiple_connections === 'true';
      return listOf(await listing.forOrganization(request.principal.environmentId, request.params.organization_id, plural));
    },
  );
});
