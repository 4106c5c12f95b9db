import { routePlugin } from './route-plugin.ts';
import { presentDataProvider } from '../presenters/data-provider.ts';
import { OrgParams, UserParams, errorResponses } from '../schemas/common.ts';
import { DataProviderList, OrgProvidersQuery, UserProvidersQuery } from '../schemas/data-provider.ts';

const tags = ['Providers'];

/** R1 and R23: every enabled provider with the owner's connection status. */
export const providerRoutes = routePlugin((app, { listing }) => {
  app.get(
    '/user_management/users/:user_id/data_providers',
    {
      schema: {
        tags,
        summary: 'List providers for a user (R1)',
        params: UserParams,
        querystring: UserProvidersQuery,
        response: { 200: DataProviderList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const items = await listing.forUser(
        request.principal.environmentId,
        request.params.user_id,
        request.query.organization_id ?? null,
        request.query.supports_multiple_connections === 'true',
      );
      return { object: 'list' as const, data: items.map(presentDataProvider) };
    },
  );

  app.get(
    '/organizations/:organization_id/data_providers',
    {
      schema: {
        tags,
        summary: 'List organization-owned providers (R23)',
        params: OrgParams,
        querystring: OrgProvidersQuery,
        response: { 200: DataProviderList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const items = await listing.forOrganization(
        request.principal.environmentId,
        request.params.organization_id,
        request.query.supports_multiple_connections === 'true',
      );
      return { object: 'list' as const, data: items.map(presentDataProvider) };
    },
  );
});
