import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.ts';
import { checkSaveIntent, requireOrganizationForOrganizationOwner } from './request-rules.ts';
import { presentConnectedAccount } from '../presenters/connected-account.ts';
import { NoQuery, SlugParams, errorResponses } from '../schemas/common.ts';
import { ClientCredentialsBody } from '../schemas/authorization.ts';
import { ConnectedAccount } from '../schemas/connected-account.ts';

const tags = ['Client-credentials connections'];


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
        requireOrganizationForOrganizationOwner(body);
        checkSaveIntent(body, 'add');
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
        requireOrganizationForOrganizationOwner(body);
        checkSaveIntent(body, 'upsert');
        const { account } = await clientCredentials.save(principal.environmentId, params.slug, body, 'upsert');
        return present(params.slug, account);
      },
    );
  };
