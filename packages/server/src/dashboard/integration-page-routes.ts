import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SLUG_PATTERN } from '../catalog/provider-definition.ts';
import type { Environment } from '../domain/environment.ts';
import type { UpdateIntegrationInput } from '../integrations/integration-service.ts';
import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import {
  connectionLine,
  credentialsOf,
  customProviderOf,
  customProviderValues,
  type IntegrationForm,
  IntegrationFormBody,
  integrationDetail,
  integrationPath,
  scopesHelp,
  scopesOf,
} from './integration-view.ts';
import { DoneQuery, EnvironmentParams, type Shown, sendEnvironmentPage, submitForm } from './pages.ts';

const IntegrationParams = Type.Object(
  {
    name: EnvironmentParams.properties.name,
    ownership: Type.Union([Type.Literal('user'), Type.Literal('organization')]),
    slug: Type.String({ pattern: SLUG_PATTERN }),
  },
  { additionalProperties: false },
);

/** How many of an integration's connections its page lists (a connections page will search them all). */
const LATEST_CONNECTIONS = 20;

/** The integration page's forms: each turns its fields into one update of the integration. */
const UPDATES: Record<string, (form: IntegrationForm) => UpdateIntegrationInput> = {
  enabled: (form) => ({ enabled: form.enabled === 'on' }),
  settings: (form) => ({ description: (form.description ?? '').trim() || null, scopes: scopesOf(form.scopes) }),
  credentials: (form) => ({ credentials: credentialsOf(form) ?? { type: 'custom' } }),
  provider: (form) => ({ custom_provider: customProviderOf(form) }),
};

/** One integration's page: what to register at the provider, enable/disable, settings, OAuth app, custom definition. */
export function integrationPageRoutes(app: DashboardApp, deps: DashboardDeps): void {
  const { environments, integrations } = deps;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    env: Environment,
    resolved: ResolvedIntegration,
    shown: Shown & { values?: IntegrationForm } = {},
  ) => {
    const { row, provider, custom } = resolved;
    const detail = integrationDetail(deps.publicUrl, env.name, resolved);
    return sendEnvironmentPage(request, reply, { env, template: 'integration', title: detail.name, tab: 'integrations' }, shown, {
      integration: detail,
      connections: (await deps.accounts.latest(row, LATEST_CONNECTIONS)).map((a) => connectionLine(a, deps.clock.now())),
      scopesHelp: scopesHelp(custom ? null : provider),
      secretHelp: 'Write-only: enter it again whenever you save the OAuth app (it is never shown).',
      values: {
        description: row.description ?? '',
        scopes: (row.scopes ?? []).join(' '),
        credentials_type: row.credentials_type ?? 'custom',
        client_id: row.client_id ?? '',
        ...customProviderValues(custom),
        ...shown.values,
        // An unticked box is absent from the post: the provider form (the one with `name`) says PKCE is off.
        ...(shown.values?.name !== undefined ? { pkce_enabled: shown.values.pkce_enabled } : {}),
      },
    });
  };

  const load = async (params: { name: string; ownership: 'user' | 'organization'; slug: string }) => {
    const env = await environments.byName(params.name);
    return { env, resolved: await integrations.get(env.id, params.slug, params.ownership) };
  };

  app.get(
    '/environments/:name/integrations/:ownership/:slug',
    { schema: { hide: true, params: IntegrationParams, querystring: DoneQuery } },
    async (request, reply) => {
      const { env, resolved } = await load(request.params);
      return show(request, reply, env, resolved, { done: request.query.done });
    },
  );

  for (const [action, toUpdate] of Object.entries(UPDATES)) {
    app.post(
      `/environments/:name/integrations/:ownership/:slug/${action}`,
      { schema: { hide: true, params: IntegrationParams, body: IntegrationFormBody } },
      async (request, reply) => {
        const { env, resolved } = await load(request.params);
        const form = request.body as IntegrationForm;
        const { row } = resolved;
        const done = action === 'enabled' ? (form.enabled === 'on' ? 'enabled' : 'disabled') : 'saved';
        return submitForm(
          reply,
          async () => {
            await integrations.update(env.id, row.slug, row.ownership, toUpdate(form));
            const back =
              form.back === 'list'
                ? `/dashboard/environments/${encodeURIComponent(env.name)}/integrations`
                : integrationPath(env.name, row);
            return `${back}?done=${done}`;
          },
          (problem, status) => show(request, reply, env, resolved, { values: form, problem, status }),
        );
      },
    );
  }
}
