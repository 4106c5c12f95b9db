import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.ts';
import { requireOrganizationForOrganizationOwner } from './request-rules.ts';
import { NoQuery, SlugParams, errorResponses } from '../schemas/common.ts';
import { CredentialResponse, TokenResponse, VendBody } from '../schemas/authorization.ts';

const tags = ['Token vending'];

// The answers are unions (active or not, per auth method) built field by field by the service:
// plain JSON.stringify is both safe and much faster than a schema serializer choosing a branch.
const plainJson = () => (data: unknown) => JSON.stringify(data);


/** R13 and R14: a valid credential for a connected account, refreshed first when it is about to expire. */
export const vendingRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { vending } = deps;

    app.post(
      '/data-integrations/:slug/token',
      {
        config: { noIdempotencyStore: true },
        serializerCompiler: plainJson,
        schema: {
          tags,
          summary: 'Get an access token (R13)',
          description: 'Inactive outcomes are 200 with `active: false`. 503 `provider_unavailable` (with Retry-After) when the token expired and the provider cannot refresh it right now.',
          params: SlugParams,
          querystring: NoQuery,
          body: VendBody,
          response: { 200: TokenResponse, ...errorResponses(400, 404, 409, 422, 503) },
        },
      },
      async ({ principal, params, body }) => {
        requireOrganizationForOrganizationOwner(body);
        return vending.token(principal.environmentId, params.slug, body);
      },
    );

    app.post(
      '/data-integrations/:slug/credentials',
      {
        config: { noIdempotencyStore: true },
        serializerCompiler: plainJson,
        schema: {
          tags,
          summary: 'Vend a credential (R14)',
          description: 'An OAuth access token, a client-credentials access token with the provider’s non-secret `metadata`, or the stored API key.',
          params: SlugParams,
          querystring: NoQuery,
          body: VendBody,
          response: { 200: CredentialResponse, ...errorResponses(400, 404, 409, 422, 503) },
        },
      },
      async ({ principal, params, body }) => {
        requireOrganizationForOrganizationOwner(body);
        return vending.credentials(principal.environmentId, params.slug, body);
      },
    );
  };
