import type { Static, TSchema } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { presentConnectedAccount } from '../presenters/connected-account.ts';
import { NoQuery, SlugParams, errorResponses } from '../schemas/common.ts';
import { ConnectedAccount } from '../schemas/connected-account.ts';
import { checkSaveIntent, requireOrganizationForOrganizationOwner } from './request-rules.ts';
import type { RouteApp } from './route-plugin.ts';

type SaveMode = 'add' | 'upsert';
type Account = Parameters<typeof presentConnectedAccount>[0];

/** The body fields the shared request rules read; every save body carries them. */
type RuleFields = Parameters<typeof requireOrganizationForOrganizationOwner>[0] & Parameters<typeof checkSaveIntent>[0];

export interface SavedCredential<Body extends TSchema> {
  /** `/data-integrations/:slug/<credential kind>`. */
  path: string;
  tags: string[];
  summaries: Record<SaveMode, string>;
  body: Body;
  /** Error statuses besides 401 (see errorResponses). */
  errors: number[];
  save: (environmentId: string, slug: string, input: Static<Body>, mode: SaveMode) => Promise<{ account: Account }>;
}

// POST adds another connection (201), PUT upserts or rotates one (200).
const methods = [
  { method: 'POST', mode: 'add', status: 201 },
  { method: 'PUT', mode: 'upsert', status: 200 },
] as const;

/**
 * R15–R18: an API key (R15/R16) and client credentials (R17/R18) are saved the same way: the same
 * two methods, request rules and answer. Only the body, the service that stores it and the
 * documentation differ, so one function registers both routes for either.
 */
export function saveConnectionRoutes<Body extends TSchema>(
  app: RouteApp,
  catalog: AppDeps['catalog'],
  credential: SavedCredential<Body>,
): void {
  const { path, tags, summaries, body, errors, save } = credential;
  for (const { method, mode, status } of methods) {
    app.route<{ Params: Static<typeof SlugParams> }>({
      method,
      url: path,
      schema: {
        tags,
        summary: summaries[mode],
        params: SlugParams,
        querystring: NoQuery,
        body,
        response: { [status]: ConnectedAccount, ...errorResponses(...errors) },
      },
      handler: async (request, reply) => {
        // Fastify has validated the body against `body`; the schema is generic here, so its type is stated.
        const input = request.body as Static<Body> & RuleFields;
        requireOrganizationForOrganizationOwner(input);
        checkSaveIntent(input, mode);
        const { account } = await save(request.principal.environmentId, request.params.slug, input, mode);
        return reply.code(status).send(presentConnectedAccount(account, catalog.get(request.params.slug)?.configFields ?? []));
      },
    });
  }
}
