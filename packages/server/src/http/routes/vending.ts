import type { Static, TSchema } from 'typebox';
import { requireOrganizationForOrganizationOwner } from './request-rules.ts';
import { routePlugin } from './route-plugin.ts';
import { NoQuery, SlugParams, errorResponses } from '../schemas/common.ts';
import { CredentialResponse, TokenResponse, VendBody } from '../schemas/authorization.ts';

const tags = ['Token vending'];

// The answers are unions (active or not, per auth method) built field by field by the service:
// plain JSON.stringify is both safe and much faster than a schema serializer choosing a branch.
const plainJson = () => (data: unknown) => JSON.stringify(data);

type Vend<Answer extends TSchema> = (environmentId: string, slug: string, input: Static<typeof VendBody>) => Promise<Static<Answer>>;

/** R13 and R14: a valid credential for a connected account, refreshed first when it is about to expire. */
export const vendingRoutes = routePlugin((app, { vending }) => {
  // Both routes take the same body, rules and failures; they differ only in what they vend and answer.
  // `Answer` ties what the service vends to the documented schema at each call; inside, the schema is
  // used as a plain TSchema, whose answer type Fastify can resolve.
  const vendRoute = <Answer extends TSchema>(path: string, summary: string, description: string, answer: Answer, vend: Vend<Answer>) => {
    const documented: TSchema = answer;
    app.post(
      path,
      {
        config: { noIdempotencyStore: true },
        serializerCompiler: plainJson,
        schema: {
          tags,
          summary,
          description,
          params: SlugParams,
          querystring: NoQuery,
          body: VendBody,
          response: { 200: documented, ...errorResponses(400, 404, 409, 422, 503) },
        },
      },
      async ({ principal, params, body }) => {
        requireOrganizationForOrganizationOwner(body);
        return vend(principal.environmentId, params.slug, body);
      },
    );
  };

  vendRoute(
    '/data-integrations/:slug/token',
    'Get an access token (R13)',
    'Inactive outcomes are 200 with `active: false`. 503 `provider_unavailable` (with Retry-After) when the token expired and the provider cannot refresh it right now.',
    TokenResponse,
    (environmentId, slug, input) => vending.token(environmentId, slug, input),
  );
  vendRoute(
    '/data-integrations/:slug/credentials',
    'Vend a credential (R14)',
    'An OAuth access token, a client-credentials access token with the provider’s non-secret `metadata`, or the stored API key.',
    CredentialResponse,
    (environmentId, slug, input) => vending.credentials(environmentId, slug, input),
  );
});
