import { idPattern } from '../core/ids.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { notFound, validationFailed } from '../core/errors.ts';
import type { Environment } from '../domain/environment.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { EnvironmentParams, environmentForm, environmentPage, type Shown, sendEnvironmentPage, submitForm } from './pages.ts';
import { describeError } from './problems.ts';

const CreateBody = Type.Object({ csrf_token: Type.String(), name: Type.String({ maxLength: 100 }) }, { additionalProperties: false });
const RevokeParams = Type.Object(
  { name: EnvironmentParams.properties.name, id: Type.String({ pattern: idPattern('apiKey') }) },
  { additionalProperties: false },
);

/** An environment's API keys: created (the key shown once, on the answer to the POST), listed, revoked. */
export function apiKeyRoutes(app: DashboardApp, deps: DashboardDeps): void {
  const { apiKeys } = deps;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    env: Environment,
    shown: Shown & { newKey?: { name: string; key: string } } = {},
  ) =>
    sendEnvironmentPage(request, reply, { env, template: 'apiKeys', title: 'API keys', tab: 'keys' }, shown, {
      keys: (await apiKeys.list(env.id)).reverse(),
      newKey: shown.newKey ?? null,
    });

  environmentPage(app, deps, '/api-keys', (request, reply, env, done) => show(request, reply, env, { done }));

  // Answered with the page itself, not a redirect: the key exists in plaintext only in this answer (no-store).
  environmentForm(app, deps, '/api-keys', CreateBody, async (request, reply, env, body) => {
    const name = body.name.trim();
    if (name === '') {
      const e = validationFailed('Give the key a name.', [{ field: 'name', code: 'required' }]);
      return show(request, reply, env, { problem: describeError(e), status: e.status });
    }
    const { key } = await apiKeys.create(env, name);
    return show(request, reply, env, { newKey: { name, key } });
  });

  app.post('/environments/:name/api-keys/:id/revoke', { schema: { hide: true, params: RevokeParams } }, async (request, reply) => {
    const env = await deps.environments.byName(request.params.name);
    const path = `/dashboard/environments/${encodeURIComponent(env.name)}/api-keys`;
    return submitForm(
      reply,
      async () => {
        const { id } = request.params;
        // The URL names the environment: a key of another one is not found here.
        if (!(await apiKeys.list(env.id)).some((k) => k.id === id)) throw notFound(`No API key ${id} in environment ${env.name}.`, id);
        await apiKeys.revoke(id);
        return `${path}?done=revoked`;
      },
      (problem, status) => show(request, reply, env, { problem, status }),
    );
  });
}
