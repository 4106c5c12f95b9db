import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { validationFailed } from '../../errors.ts';
import type { AppDeps } from '../deps.ts';
import { presentConnectedAccount } from '../presenters/connected-account.ts';
import { SlugParams, errorResponses, NoQuery } from '../schemas/common.ts';
import { ApiKeyConnectionBody, ConnectedAccount } from '../schemas/connected-account.ts';

const tags = ['API-key connections'];

/** R15 (add another API-key connection) and R16 (upsert / rotate). */
export const apiKeyConnectionRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { apiKeyConnections, catalog } = deps;
    const check = (body: { connection_owner?: 'user' | 'organization'; organization_id?: string | null }) => {
      if (body.connection_owner === 'organization' && !body.organization_id) {
        throw validationFailed('organization_id is required when connection_owner is "organization".', [{ field: 'organization_id', code: 'required' }]);
      }
    };

    app.post(
      '/data-integrations/:slug/api-key',
      { schema: { tags, summary: 'Create another API-key connection (R15)', params: SlugParams, querystring: NoQuery, body: ApiKeyConnectionBody, response: { 201: ConnectedAccount, ...errorResponses(400, 404, 409, 422) } } },
      async ({ principal, params, body }, reply) => {
        check(body);
        if (body.connection_intent !== 'add') throw validationFailed('connection_intent must be "add".', [{ field: 'connection_intent', code: 'required' }]);
        if (body.connected_account_id !== undefined) throw validationFailed('connected_account_id is not allowed when adding.', [{ field: 'connected_account_id', code: 'not_allowed' }]);
        const { account } = await apiKeyConnections.save(principal.environmentId, params.slug, body, 'add');
        return reply.code(201).send(presentConnectedAccount(account, catalog.get(params.slug)?.configFields ?? []));
      },
    );

    app.put(
      '/data-integrations/:slug/api-key',
      { schema: { tags, summary: 'Upsert an API key (R16)', params: SlugParams, querystring: NoQuery, body: ApiKeyConnectionBody, response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409, 422) } } },
      async ({ principal, params, body }) => {
        check(body);
        if (body.connection_intent === 'add') throw validationFailed('connection_intent "add" is for POST.', [{ field: 'connection_intent', code: 'invalid_value' }]);
        if (body.connection_intent === 'reauthorize' && body.connected_account_id === undefined) {
          throw validationFailed('connection_intent "reauthorize" requires connected_account_id.', [{ field: 'connected_account_id', code: 'required' }]);
        }
        const { account } = await apiKeyConnections.save(principal.environmentId, params.slug, body, 'upsert');
        return presentConnectedAccount(account, catalog.get(params.slug)?.configFields ?? []);
      },
    );
  };
