import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { SLUG_PATTERN } from '../catalog/provider-definition.ts';
import { notFound } from '../core/errors.ts';
import type { Environment } from '../domain/environment.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { integrationPageRoutes } from './integration-page-routes.ts';
import {
  allIntegrations,
  createInputOf,
  type IntegrationForm,
  IntegrationFormBody,
  integrationLine,
  integrationPath,
  scopesHelp,
} from './integration-view.ts';
import { EnvironmentParams, environmentForm, environmentPage, type Shown, sendEnvironmentPage, seeOther, submitForm } from './pages.ts';

const NewQuery = Type.Object(
  { provider: Type.Optional(Type.String({ pattern: SLUG_PATTERN })), custom: Type.Optional(Type.Literal('1')) },
  { additionalProperties: false },
);

/** An environment's integrations: the list, the create form (catalog or custom provider), and each one's page. */
export function integrationRoutes(app: DashboardApp, deps: DashboardDeps): void {
  const { environments, integrations, catalog } = deps;

  environmentPage(app, deps, '/integrations', async (request, reply, env, done) =>
    sendEnvironmentPage(
      request,
      reply,
      { env, template: 'integrations', title: 'Integrations', tab: 'integrations' },
      { done },
      { integrations: (await allIntegrations(integrations, env.id)).map((i) => integrationLine(env.name, i)) },
    ),
  );

  const showNew = (
    request: FastifyRequest,
    reply: FastifyReply,
    env: Environment,
    provider: ProviderDefinition | null,
    shown: Shown & { values?: IntegrationForm } = {},
  ) => {
    const values: IntegrationForm = shown.values ?? {
      ownership: 'user',
      auth_method: provider?.authMethods[0] ?? 'oauth',
      credentials_type: 'custom',
      pkce_enabled: 'on',
    };
    const title = provider ? `Add ${provider.name}` : 'Add a custom OAuth provider';
    return sendEnvironmentPage(request, reply, { env, template: 'integrationNew', title, tab: 'providers' }, shown, {
      heading: title,
      provider,
      authMethods: provider?.authMethods ?? ['oauth', 'client_credentials', 'api_key'],
      configFields: (provider?.configFields ?? [])
        .filter((f) => f.scope === 'integration')
        .map((f) => ({ ...f, value: values[`config_${f.name}`] ?? '' })),
      scopesHelp: scopesHelp(provider),
      secretHelp: 'Write-only: it is stored encrypted and never shown again.',
      values,
    });
  };

  app.get(
    '/environments/:name/integrations/new',
    { schema: { hide: true, params: EnvironmentParams, querystring: NewQuery } },
    async (request, reply) => {
      const env = await environments.byName(request.params.name);
      const slug = request.query.provider;
      if (slug === undefined && request.query.custom === undefined) {
        return seeOther(reply, `/dashboard/environments/${encodeURIComponent(env.name)}/providers`);
      }
      const provider = slug === undefined ? null : catalog.get(slug);
      if (provider === undefined) throw notFound(`"${slug}" is not in the provider catalog.`, slug);
      return showNew(request, reply, env, provider);
    },
  );

  environmentForm(app, deps, '/integrations', IntegrationFormBody, (request, reply, env, body) => {
    const form = body as IntegrationForm;
    const builtin = catalog.get(form.provider ?? '') ?? null;
    // Only the custom form has `name`; a slug typed there that names a catalog provider is refused by the service.
    const custom = form.name !== undefined;
    const configNames = builtin?.configFields.map((f) => f.name) ?? [];
    return submitForm(
      reply,
      async () => {
        const created = await integrations.create(env.id, createInputOf(form, custom, configNames));
        return `${integrationPath(env.name, created.row)}?done=created`;
      },
      (problem, status) => showNew(request, reply, env, custom ? null : builtin, { values: form, problem, status }),
    );
  });

  integrationPageRoutes(app, deps);
}
