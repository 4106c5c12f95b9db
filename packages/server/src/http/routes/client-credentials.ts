import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { validationFailed } from '../../errors.ts';
import type { ClientCredentialsInput } from '../../connections/client-credentials-connections.ts';
import type { AppDeps } from '../deps.ts';
import { presentConnectedAccount } from '../presenters/connected-account.ts';
import { NoQuery, SlugParams, errorResponses } from '../schemas/common.ts';
import { ClientCredentialsBody } from '../schemas/authorization.ts';
import { ConnectedAccount } from '../schemas/connected-account.ts';

const tags = ['Client-credentials connections'];

const check = (body: ClientCredentialsInput, mode: 'add' | 'upsert'): void => {
  if (body.connection_owner === 'organization' && !body.organization_id) {
    throw validationFailed('organization_id is required when connection_owner is "organization".', [{ field: 'organization_id', code: 'required' }]);
  }
  if (mode === 'add') {
    if (body.connection_intent !== 'add') throw validationFailed('connection_intent must be "add".', [{ field: 'connection_intent', code: 'required' }]);
    if (body.connected_account_id !== undefined) throw validationFailed('connected_account_id is not allowed when adding.', [{ field: 'connected_account_id', code: 'not_allowed' }]);
  } else {
    if (body.connection_intent === 'add') throw validationFailed('connection_intent "add" is for POST.', [{ field: 'connection_intent', code: 'invalid_value' }]);
    if (body.connection_intent === 'reauthorize' && body.connected_account_id === undefined) {
      throw validationFailed('connection_intent "reauthorize" requires connected_account_id.', [{ field: 'connected_account_id', code: 'required' }]);
    }
  }
};

/** R17 (add another client-credentials connection) and R18 (upsert / rotate). */
export const clientCredentialsRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { clientCredentials, catalog } = deps;
    const present = (slug: string, account: Parameters<typeof presentConnectedAccount>[0]) => presentConnectedAccount(account, catalog.get(slug)?.configFields ?? []);

    app.post(
      '/data-integrations/:slug/client-credentials',
      {
        schema: {
          tags,
          summary: 'Create another client-credentials connection (R17)',
          params: SlugParams,
          querystring: NoQuery,
          body: ClientCredentialsBody,
          response: { 201: ConnectedAccount, ...errorResponses(400, 404, 409, 422, 503) },
        },
      },
      async ({ principal, params, body }, reply) => {
        check(body, 'add');
        const { account } = await clientCredentials.save(principal.environmentId, params.slug, body, 'add');
        return reply.code(201).send(present(params.slug, account));
      },
    );

    app.put(
      '/data-integrations/:slug/client-credentials',
      {
        schema: {
          tags,
          summary: 'Upsert client credentials (R18)',
          params: SlugParams,
          querystring: NoQuery,
          body: ClientCredentialsBody,
          response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409, 422, 503) },
        },
      },
      async ({ principal, params, body }) => {
        check(body, 'upsert');
        const { account } = await clientCredentials.save(principal.environmentId, params.slug, body, 'upsert');
        return present(params.slug, account);
      },
    );
  };
