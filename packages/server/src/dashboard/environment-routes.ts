import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Environment } from '../domain/environment.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { environmentForm, environmentPage, type Shown, sendEnvironmentPage, submitForm, ticked } from './pages.ts';
import { frame } from './session.ts';
import { type Problem, sendPage } from './view.ts';

const CreateBody = Type.Object(
  { csrf_token: Type.String(), name: Type.String({ maxLength: 100 }), production: Type.Optional(Type.Literal('on')) },
  { additionalProperties: false },
);
const SettingsBody = Type.Object(
  { csrf_token: Type.String(), origins: Type.String({ maxLength: 8000 }), confirmation_screen: Type.Optional(Type.Literal('on')) },
  { additionalProperties: false },
);

const envPath = (env: Pick<Environment, 'name'>): string => `/dashboard/environments/${encodeURIComponent(env.name)}`;

/** Origins typed one a line (commas and spaces also separate them). */
const originsOf = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** Environments: the list and a create form; one environment's return origins and confirmation page. */
export function environmentRoutes(app: DashboardApp, deps: DashboardDeps): void {
  const { environments } = deps;

  const showList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { name: string; production: boolean },
    problem: Problem | null = null,
    status = 200,
  ) =>
    sendPage(
      reply,
      'environments',
      { ...frame(request, 'Environments', 'environments'), problem, environments: await environments.list(), values },
      status,
    );

  app.get('/environments', { schema: { hide: true } }, async (request, reply) => showList(request, reply, { name: '', production: false }));

  app.post('/environments', { schema: { hide: true, body: CreateBody } }, async (request, reply) => {
    const { name, production } = request.body;
    return submitForm(
      reply,
      async () => `${envPath(await environments.create(name, { production: ticked(production) }))}?done=created`,
      (problem, status) => showList(request, reply, { name, production: ticked(production) }, problem, status),
    );
  });

  const showSettings = (
    request: FastifyRequest,
    reply: FastifyReply,
    env: Environment,
    shown: Shown & { values?: { origins: string; confirmation_screen: boolean } },
  ) =>
    sendEnvironmentPage(request, reply, { env, template: 'environment', title: 'Settings', tab: 'settings' }, shown, {
      values: shown.values ?? { origins: env.allowed_return_origins.join('\n'), confirmation_screen: env.confirmation_screen },
    });

  environmentPage(app, deps, '', (request, reply, env, done) => showSettings(request, reply, env, { done }));

  environmentForm(app, deps, '/settings', SettingsBody, (request, reply, env, body) => {
    const values = { origins: body.origins, confirmation_screen: ticked(body.confirmation_screen) };
    return submitForm(
      reply,
      async () => {
        await environments.configure(env.name, {
          allowedReturnOrigins: originsOf(values.origins),
          confirmationScreen: values.confirmation_screen,
        });
        return `${envPath(env)}?done=saved`;
      },
      (problem, status) => showSettings(request, reply, env, { values, problem, status }),
    );
  });
}
