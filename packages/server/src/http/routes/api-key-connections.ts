import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.ts';
import { checkSaveIntent, requireOrganizationForOrganizationOwner } from './request-rules.ts';
import { presentConnectedAccount } from '../presenters/connected-account.ts';
import { SlugParams, errorResponses, NoQuery } from '../schemas/common.ts';
import { ApiKeyConnectionBody, ConnectedAccount } from '../schemas/connected-account.ts';

const tags = ['API-key connections'];

/** R15 (add another API-key connection) and R16 (upsert / rotate). */
export const apiKeyConnectionRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { apiKeyConnections, catalog } = deps;

    app.post(
      '/data-integrations/:slug/api-key',
      { schema: { tags, summary: 'Create another API-key connection (R15)', params: SlugParams, querystring: NoQuery, body: ApiKeyConnectionBody, response: { 201: ConnectedAccount, ...errorResponses(400, 404, 409, 422) } } },
      async ({ principal, params, body }, reply) => {
        requireOrganizationForOrganizationOwner(body);
        checkSaveIntent(body, 'add');
        const { account } = await apiKeyConnections.save(principal.environmentId, params.slug, body, 'add');
        return reply.code(201).send(presentConnectedAccount(account, catalog.get(params.slug)?.configFields ?? []));
      },
    );

    app.put(
      '/data-integrations/:slug/api-key',
      { schema: { tags, summary: 'Upsert an API key (R16)', params: SlugParams, querystring: NoQuery, body: ApiKeyConnectionBody, response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409, 422) } } },
      async ({ principal, params, body }) => {
        requireOrganizationForOrganizationOwner(body);
        checkSaveIntent(body, 'upsert');
        const { account } = await apiKeyConnections.save(principal.environmentId, params.slug, body, 'upsert');
        return presentConnectedAccount(account, catalog.get(params.slug)?.configFields ?? []);
      },
    );
  };
