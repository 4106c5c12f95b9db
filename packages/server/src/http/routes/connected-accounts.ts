import { Type } from 'typebox';
import type { AccountResult } from '../../connections/connected-account-service.ts';
import { organizationOwner, userOwner } from '../../domain/owner.ts';
import { validationFailed } from '../../core/errors.ts';
import { routePlugin } from './route-plugin.ts';
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

/** The connection a GET or DELETE means, as its query names it. */
const selector = (q: { connected_account_id?: string; supports_multiple_connections?: 'true' | 'false' }) => ({
  connectedAccountId: q.connected_account_id,
  plural: q.supports_multiple_connections === 'true',
});

/** The connection a PUT updates. `connection_intent: reauthorize` names an exact connection, so it needs its id. */
const updateSelector = (q: { connection_intent?: 'reauthorize'; connected_account_id?: string }) => {
  if (q.connection_intent === 'reauthorize' && q.connected_account_id === undefined) {
    throw validationFailed('connection_intent "reauthorize" requires connected_account_id.', [
      { field: 'connected_account_id', code: 'required' },
    ]);
  }
  return { connectedAccountId: q.connected_account_id };
};

// Only a user's routes carry `organization_id` (query) and only an organization's bodies `user_id`.
// `object &` lets the other kind's parts through: TypeScript refuses an all-optional type that
// shares no property with the value.
type MayScope = object & { organization_id?: string };
type MayNameMember = object & { user_id?: string };

/** Whose connection the path names: a user's (scoped to an organization when the query says so), or an organization's. */
const ownerOf = (params: { user_id: string } | { organization_id: string }, query: MayScope) =>
  'user_id' in params ? userOwner(params.user_id, query.organization_id ?? null) : organizationOwner(params.organization_id);

/**
 * The tokens an import or update body carries. An organization's bodies also name the acting member
 * (§10.16: the API-key holder vouches for membership); that member does not own the result.
 */
const tokensOf = <Body extends MayNameMember>({ user_id: _member, ...tokens }: Body) => tokens;

/** R19–R22 (a user's connections) and R24–R27 (an organization's shared connections): the same four operations. */
export const connectedAccountRoutes = routePlugin((app, { accounts, catalog }) => {
  const present = (r: AccountResult) => presentConnectedAccount(r.account, catalog.get(r.integration.slug)?.configFields ?? []);

  // What differs between a user's routes and an organization's is named here; the four routes below serve both.
  for (const ownership of ['user', 'organization'] as const) {
    const user = ownership === 'user';
    const path = user
      ? '/user_management/users/:user_id/connected_accounts/:slug'
      : '/organizations/:organization_id/connected_accounts/:slug';
    const whose = user ? 'a user’s' : 'an organization’s';
    const params = user ? UserSlugParams : OrgSlugParams;
    const selectQuery = user ? UserAccountQuery : OrgAccountQuery;
    const importQuery = user ? UserImportQuery : NoQuery;
    const importBody = user ? UserImportBody : OrgImportBody;
    const updateQuery = user ? UserAccountUpdateQuery : OrgAccountUpdateQuery;
    const updateBody = user ? UserUpdateBody : OrgUpdateBody;

    app.get(
      path,
      {
        schema: {
          tags,
          summary: `Get ${whose} connected account (R${user ? 19 : 24})`,
          params,
          querystring: selectQuery,
          response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409) },
        },
      },
      async ({ principal, params, query }) =>
        present(await accounts.get(principal.environmentId, params.slug, ownership, ownerOf(params, query), selector(query))),
    );

    app.post(
      path,
      {
        schema: {
          tags,
          summary: `Import ${whose} connected account (R${user ? 20 : 25})`,
          params,
          querystring: importQuery,
          body: importBody,
          response: { 200: ConnectedAccount, 201: ConnectedAccount, ...errorResponses(400, 404, 409, 422) },
        },
      },
      async ({ principal, params, query, body }, reply) => {
        const { connection_intent, ...tokens } = tokensOf(body);
        const r = await accounts.importTokens(
          principal.environmentId,
          params.slug,
          ownership,
          ownerOf(params, query),
          tokens,
          connection_intent,
        );
        return reply.code(r.created ? 201 : 200).send(present(r));
      },
    );

    app.put(
      path,
      {
        schema: {
          tags,
          summary: `Update ${whose} connected account (R${user ? 21 : 26})`,
          params,
          querystring: updateQuery,
          body: updateBody,
          response: { 200: ConnectedAccount, ...errorResponses(400, 404, 409, 422) },
        },
      },
      async ({ principal, params, query, body }) => {
        const owner = ownerOf(params, query);
        return present(
          await accounts.updateTokens(principal.environmentId, params.slug, ownership, owner, updateSelector(query), tokensOf(body)),
        );
      },
    );

    app.delete(
      path,
      {
        schema: {
          tags,
          summary: `Delete ${whose} connected account (R${user ? 22 : 27})`,
          params,
          querystring: selectQuery,
          response: { 204: Type.Null(), ...errorResponses(400, 404, 409) },
        },
      },
      async ({ principal, params, query }, reply) => {
        await accounts.delete(principal.environmentId, params.slug, ownership, ownerOf(params, query), selector(query));
        return reply.code(204).send(null);
      },
    );
  }
});
