import { Type } from 'typebox';
import { routePlugin } from './route-plugin.ts';
import { schemaFor } from './route-schema.ts';
import { presentOrgConfiguration } from '../presenters/org-configuration.ts';
import { OrgParams, OrgSlugParams, errorResponses, NoQuery } from '../schemas/common.ts';
import { ConfigureOrganizationBody, DataIntegrationConfiguration, DataIntegrationConfigurationList } from '../schemas/org-configuration.ts';

const schema = schemaFor(['Organization configurations']);

/** R2, R3 and the §10.2 DELETE: one organization's overrides of the environment's providers. */
export const orgConfigurationRoutes = routePlugin((app, { orgConfigurations, publicUrl }) => {
  app.get(
    '/organizations/:organization_id/data_integration_configurations',
    schema('List provider configurations for an organization (R2)', {
      params: OrgParams,
      querystring: NoQuery,
      response: { 200: DataIntegrationConfigurationList, ...errorResponses(400) },
    }),
    async (request) => {
      const orgId = request.params.organization_id;
      const views = await orgConfigurations.list(request.principal.environmentId, orgId);
      return { object: 'list' as const, data: views.map((v) => presentOrgConfiguration(publicUrl, orgId, v)) };
    },
  );

  app.put(
    '/organizations/:organization_id/data_integration_configurations/:slug',
    schema('Configure a provider for an organization (R3)', {
      description:
        'Upsert: send only what changes. `enabled: null` / `scopes: null` inherit again; `client_id` + `client_secret` (organization-credential providers only) replace the organization’s OAuth app.',
      params: OrgSlugParams,
      querystring: NoQuery,
      body: ConfigureOrganizationBody,
      response: { 200: DataIntegrationConfiguration, ...errorResponses(400, 404, 422) },
    }),
    async (request) => {
      const { organization_id, slug } = request.params;
      const view = await orgConfigurations.configure(request.principal.environmentId, organization_id, slug, request.body);
      return presentOrgConfiguration(publicUrl, organization_id, view);
    },
  );

  app.delete(
    '/organizations/:organization_id/data_integration_configurations/:slug',
    schema('Remove an organization’s override (extension)', {
      description: 'Not in WorkOS: removes the whole override, including the organization’s credentials.',
      params: OrgSlugParams,
      querystring: NoQuery,
      response: { 204: Type.Null(), ...errorResponses(400, 404) },
    }),
    async (request, reply) => {
      await orgConfigurations.remove(request.principal.environmentId, request.params.organization_id, request.params.slug);
      return reply.code(204).send(null);
    },
  );
});
