import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AccountResult } from '../../connections/connected-account-service.ts';
import { organizationOwner, userOwner } from '../../connections/owner.ts';
import { validationFailed } from '../../errors.ts';
import type { AppDeps } from '../deps.ts';
import { presentConnectedAccount } from '../presenters/connected-account.ts';
import { OrgSlugParams, UserSlugParams, errorResponses, NoQuery } from '../schemas/common.ts';
import {
  ConnectedAccount,
  OrgAccountQuery,
  OrgAccountUpdateQuery,
  OrgImportBody,
  OrgUpdateBody,
  UserAccountQuery,
  UserAccountUpdateQuery,
  UserImportBody,
  UserImportQuery,
  UserUpdateBody,
} from '../schemas/connected-account.ts';

const tags = ['Connected accounts'];

/** `connection_intent: reauthorize` names an exact connection, so it needs its id. */
const checkIntent = (q: { connection_intent?: 'reauthorize'; connected_account_id?: string }): void => {
  if (q.connection_intent === 'reauthorize' && q.connected_account_id === undefined) {
    throw validationFailed('connection_intent "reauthorize" requires connected_account_id.', [{ field: 'connected_account_id', code: 'required' }]);
  }
};

/** R19–R22 (a user's connections) and R24–R27 (an organization's shared connections). */
export const connectedAccountRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { accounts, catalog } = deps;
    const present = (r: AccountResult) => presentConnectedAccount(r.account, catalog.get(r.integration.slug)?.configFields ?? []);
    const userPath = '/user_management/users/:user_id/connected_accounts/:slug';
    const orgPath = '/organizations/:organization_id/connected_accounts/:slug';

    app.get(
      userPath,
      { schema: { tags, summary: 'Get a user’s connected account (R19)', params: UserSlugParams, querystring: UserAccountQuery, response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409) } } },
      async ({ principal, params, query }) =>
        present(
          await accounts.get(principal.environmentId, params.slug, 'user', userOwner(params.user_id, query.organization_id ?? null), {
            connectedAccountId: query.connected_account_id,
            plural: query.supports_multiple_connections === 'true',
          }),
        ),
    );

    app.post(
      userPath,
      {
        schema: {
          tags,
          summary: 'Import a user’s connected account (R20)',
          params: UserSlugParams,
          querystring: UserImportQuery,
          body: UserImportBody,
          response: { 200: ConnectedAccount, 201: ConnectedAccount, ...errorResponses(400, 404, 409, 422) },
        },
      },
      async ({ principal, params, query, body }, reply) => {
        const { connection_intent, ...tokens } = body;
        const r = await accounts.importTokens(principal.environmentId, params.slug, 'user', userOwner(params.user_id, query.organization_id ?? null), tokens, connection_intent);
        return reply.code(r.created ? 201 : 200).send(present(r));
      },
    );

    app.put(
      userPath,
      {
        schema: {
          tags,
          summary: 'Update a user’s connected account (R21)',
          params: UserSlugParams,
          querystring: UserAccountUpdateQuery,
          body: UserUpdateBody,
          response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409, 422) },
        },
      },
      async ({ principal, params, query, body }) => {
        checkIntent(query);
        return present(
          await accounts.updateTokens(principal.environmentId, params.slug, 'user', userOwner(params.user_id, query.organization_id ?? null), { connectedAccountId: query.connected_account_id }, body),
        );
      },
    );

    app.delete(
      userPath,
      { schema: { tags, summary: 'Delete a user’s connected account (R22)', params: UserSlugParams, querystring: UserAccountQuery, response: { 204: Type.Null(), ...errorResponses(400, 404, 409) } } },
      async ({ principal, params, query }, reply) => {
        await accounts.delete(principal.environmentId, params.slug, 'user', userOwner(params.user_id, query.organization_id ?? null), {
          connectedAccountId: query.connected_account_id,
          plural: query.supports_multiple_connections === 'true',
        });
        return reply.code(204).send(null);
      },
    );

    app.get(
      orgPath,
      { schema: { tags, summary: 'Get an organization’s connected account (R24)', params: OrgSlugParams, querystring: OrgAccountQuery, response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409) } } },
      async ({ principal, params, query }) =>
        present(
          await accounts.get(principal.environmentId, params.slug, 'organization', organizationOwner(params.organization_id), {
            connectedAccountId: query.connected_account_id,
            plural: query.supports_multiple_connections === 'true',
          }),
        ),
    );

    app.post(
      orgPath,
      {
        schema: {
          tags,
          summary: 'Import an organization’s connected account (R25)',
          params: OrgSlugParams, querystring: NoQuery,
          body: OrgImportBody,
          response: { 200: ConnectedAccount, 201: ConnectedAccount, ...errorResponses(400, 404, 409, 422) },
        },
      },
      async ({ principal, params, body }, reply) => {
        // user_id names the acting member (§10.16: the API-key holder vouches for membership); it does not own the result.
        const { connection_intent, user_id: _member, ...tokens } = body;
        const r = await accounts.importTokens(principal.environmentId, params.slug, 'organization', organizationOwner(params.organization_id), tokens, connection_intent);
        return reply.code(r.created ? 201 : 200).send(present(r));
      },
    );

    app.put(
      orgPath,
      {
        schema: {
          tags,
          summary: 'Update an organization’s connected account (R26)',
          params: OrgSlugParams,
          querystring: OrgAccountUpdateQuery,
          body: OrgUpdateBody,
          response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409, 422) },
        },
      },
      async ({ principal, params, query, body }) => {
        checkIntent(query);
        const { user_id: _member, ...tokens } = body;
        return present(
          await accounts.updateTokens(principal.environmentId, params.slug, 'organization', organizationOwner(params.organization_id), { connectedAccountId: query.connected_account_id }, tokens),
        );
      },
    );

    app.delete(
      orgPath,
      { schema: { tags, summary: 'Delete an organization’s connected account (R27)', params: OrgSlugParams, querystring: OrgAccountQuery, response: { 204: Type.Null(), ...errorResponses(400, 404, 409) } } },
      async ({ principal, params, query }, reply) => {
        await accounts.delete(principal.environmentId, params.slug, 'organization', organizationOwner(params.organization_id), {
          connectedAccountId: query.connected_account_id,
          plural: query.supports_multiple_connections === 'true',
        });
        return reply.code(204).send(null);
      },
    );
  };
