import { Type } from 'typebox';
import { listEnvelope, pageQuery } from './list-page.ts';
import { routePlugin } from './route-plugin.ts';
import { presentDataIntegration } from '../presenters/data-integration.ts';
import { SlugParams, errorResponses, NoQuery } from '../schemas/common.ts';
import {
  CreateDataIntegrationBody,
  DataIntegration,
  DataIntegrationList,
  ListDataIntegrationsQuery,
  UpdateDataIntegrationBody,
} from '../schemas/data-integration.ts';

const tags = ['Data integrations'];

/** R4–R11: the environment's provider configuration; `/organization` addresses the organization-owned root. */
export const dataIntegrationRoutes = routePlugin((app, { integrations, publicUrl }) => {
  app.get(
    '/data-integrations',
    {
      schema: {
        tags,
        summary: 'List data integrations (R4)',
        querystring: ListDataIntegrationsQuery,
        response: { 200: DataIntegrationList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await integrations.list(request.principal.environmentId, { ...pageQuery(q), ownership: q.ownership ?? null });
      const data = page.items.map((i) => presentDataIntegration(publicUrl, i));
      return listEnvelope(data, { before: page.hasPrevious, after: page.hasMore });
    },
  );

  app.post(
    '/data-integrations',
    {
      schema: {
        tags,
        summary: 'Create a data integration (R5)',
        querystring: NoQuery,
        body: CreateDataIntegrationBody,
        response: { 201: DataIntegration, ...errorResponses(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await integrations.create(request.principal.environmentId, request.body);
      return reply.code(201).send(presentDataIntegration(publicUrl, created, created.installation));
    },
  );

  for (const ownership of ['user', 'organization'] as const) {
    const path = ownership === 'user' ? '/data-integrations/:slug' : '/data-integrations/:slug/organization';
    const which = ownership === 'user' ? 'user-owned' : 'organization-owned';
    const n = ownership === 'user' ? [6, 7, 8] : [9, 10, 11];

    app.get(
      path,
      {
        schema: {
          tags,
          summary: `Get the ${which} data integration (R${n[0]})`,
          params: SlugParams,
          querystring: NoQuery,
          response: { 200: DataIntegration, ...errorResponses(400, 404) },
        },
      },
      async (request) =>
        presentDataIntegration(publicUrl, await integrations.get(request.principal.environmentId, request.params.slug, ownership)),
    );

    app.put(
      path,
      {
        schema: {
          tags,
          summary: `Update the ${which} data integration (R${n[1]})`,
          params: SlugParams,
          querystring: NoQuery,
          body: UpdateDataIntegrationBody,
          response: { 200: DataIntegration, ...errorResponses(400, 404, 409, 422) },
        },
      },
      async (request) => {
        const updated = await integrations.update(request.principal.environmentId, request.params.slug, ownership, request.body);
        return presentDataIntegration(publicUrl, updated, updated.installation ?? undefined);
      },
    );

    app.delete(
      path,
      {
        schema: {
          tags,
          summary: `Delete the ${which} data integration and its connections (R${n[2]})`,
          params: SlugParams,
          querystring: NoQuery,
          response: { 204: Type.Null(), ...errorResponses(400, 404) },
        },
      },
      async (request, reply) => {
        await integrations.delete(request.principal.environmentId, request.params.slug, ownership);
        return reply.code(204).send(null);
      },
    );
  }
});
