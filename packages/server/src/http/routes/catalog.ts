import { providerNotFound } from '../../core/errors.ts';
import { routePlugin } from './route-plugin.ts';
import { presentCatalogProvider, presentCatalogProviderDetail } from '../presenters/catalog-provider.ts';
import { errorResponses, NoQuery } from '../schemas/common.ts';
import { CatalogParams, CatalogProviderDetail, CatalogProviderList } from '../schemas/catalog.ts';

const tags = ['Catalog (extension)'];

/** Extension routes: the built-in providers an operator can configure. */
export const catalogRoutes = routePlugin((app, { catalog, publicUrl }) => {
  const all = { object: 'list' as const, data: catalog.list().map((p) => presentCatalogProvider(publicUrl, p)) };

  app.get(
    '/catalog/providers',
    {
      schema: {
        tags,
        querystring: NoQuery,
        summary: 'List built-in providers (extension)',
        response: { 200: CatalogProviderList, ...errorResponses() },
      },
    },
    async () => all,
  );

  app.get(
    '/catalog/providers/:slug',
    {
      schema: {
        tags,
        summary: 'Get a built-in provider and its sourced facts (extension)',
        params: CatalogParams,
        querystring: NoQuery,
        response: { 200: CatalogProviderDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const p = catalog.get(request.params.slug);
      if (!p) throw providerNotFound(request.params.slug);
      return presentCatalogProviderDetail(publicUrl, p);
    },
  );
});
