import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { renderDocsPage } from './docs-page.ts';
import { BROWSER_ROUTES, browserOperation } from './openapi-browser-routes.ts';

type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/** What each answer means, for the responses whose schema does not say it itself. */
const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  200: 'Success; the body is described below.',
  201: 'Created; the body is the new resource.',
  202: 'Accepted; the work continues in the background.',
  204: 'Done; no body.',
  400: '`invalid_request`: malformed JSON, a wrong type, an unknown field or an over-long value; `errors` names the fields.',
  401: '`unauthorized`: no API key, or not a valid one; send `Authorization: Bearer sk_…`.',
  403: 'Refused for this owner: `integration_disabled` or `organization_credentials_missing`.',
  404: '`entity_not_found`: no such integration, provider, connection or resource; `entity_id` names it when known.',
  409: 'A conflict: the resource exists, an `Idempotency-Key` is reused or in progress, or several connections match.',
  413: '`payload_too_large`: the body is over 64 KiB.',
  415: '`unsupported_media_type`: send `application/json`.',
  422: 'Well-formed but breaks a rule (`validation_failed` or a more specific code); `errors` names the fields.',
  429: 'Too many requests; retry after `Retry-After` seconds.',
  503: 'Unavailable right now (`provider_unavailable`); retry after `Retry-After` seconds.',
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every sub-schema with a `title` (the marker of a reusable component), deepest first. */
function collectTitled(schema: unknown, into: Map<string, Json>): void {
  if (Array.isArray(schema)) {
    for (const s of schema) collectTitled(s, into);
    return;
  }
  if (!isObject(schema)) return;
  for (const value of Object.values(schema)) collectTitled(value, into);
  if (typeof schema.title === 'string' && !into.has(schema.title)) into.set(schema.title, schema);
}

/**
 * A plain-JSON copy of `node` in which every titled schema is a `$ref` to its component; `root`
 * (a component's own schema) is copied, not referenced.
 */
function referenced(node: unknown, titles: ReadonlyMap<string, Json>, root?: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => referenced(n, titles));
  if (!isObject(node)) return node;
  if (node !== root && typeof node.title === 'string' && titles.has(node.title)) return { $ref: `${COMPONENTS}${node.title}` };
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, referenced(v, titles)]));
}

/** A route's responses, each with a description (the schema's own, else what the status means). */
function describedResponses(response: unknown): Json | undefined {
  if (!isObject(response)) return undefined;
  return Object.fromEntries(
    Object.entries(response).map(([status, schema]) => {
      const s = isObject(schema) ? schema : {};
      const description = typeof s.description === 'string' ? s.description : (RESPONSE_DESCRIPTIONS[status] ?? `HTTP ${status}.`);
      return [status, { ...s, 'x-response-description': description }];
    }),
  );
}

/**
 * Query strings arrive as text, so the validating schema of `limit` is a digit pattern (Ajv does
 * not coerce types here); on the wire it is an integer from 1 to 100, and that is what is documented.
 */
function integerLimits(paths: unknown): void {
  if (!isObject(paths)) return;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(isObject(operations) ? operations : {})) {
      const parameters = isObject(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const p of parameters as Json[]) {
        if (p.in !== 'query' || p.name !== 'limit') continue;
        const fallback = /default (\d+)/.exec(String(p.description ?? ''))?.[1];
        p.schema = { type: 'integer', minimum: 1, maximum: 100, ...(fallback ? { default: Number(fallback) } : {}) };
        p.example = 10;
      }
    }
  }
}

/**
 * The OpenAPI 3.1 document (`/openapi.json`) and its readable page (`/docs`), generated from the
 * schemas that validate the routes, so the two cannot drift. Schemas with a `title` become
 * `components.schemas` entries referenced by `$ref` (a documentation-only rewrite: validation
 * compiles the routes' schemas as they are); the browser routes come from BROWSER_ROUTES.
 */
export async function installOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  const titled = new Map<string, Json>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenPipes',
        version: '0.1.0',
        description: 'Self-hostable connected accounts and credential vending, speaking the WorkOS Pipes wire protocol.',
      },
      servers: [{ url: publicUrl, description: 'This server (OPENPIPES_PUBLIC_URL).' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An environment API key, `sk_…`.' },
          metricsToken: { type: 'http', scheme: 'bearer', description: 'OPENPIPES_METRICS_TOKEN, when it is set.' },
        },
      },
      security: [{ apiKey: [] }],
      tags: [
        { name: 'Operations', description: 'Probes and metrics: no API key.' },
        { name: 'Browser routes', description: 'Pages opened in a browser (HTML and redirects): no API key.' },
      ],
    },
    transform: ({ schema, url, route }) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const browser = BROWSER_ROUTES[`${methods.find((m) => m !== 'HEAD') ?? methods[0]} ${url}`];
      const doc: Json = browser ? { ...schema, ...browserOperation(browser, schema.body) } : { ...schema };
      if (doc.hide) return { schema: doc as typeof schema, url };
      collectTitled(doc, titled);
      const response = describedResponses(doc.response);
      if (response) doc.response = response;
      return { schema: doc as typeof schema, url };
    },
    transformObject: (document) => {
      if (!('openapiObject' in document)) return document.swaggerObject;
      const { openapiObject } = document;
      integerLimits(openapiObject.paths);
      const components = (openapiObject.components ?? {}) as Json;
      const schemas: Json = { ...(components.schemas as Json | undefined) };
      for (const [title, schema] of titled) schemas[title] = referenced(schema, titled, schema);
      return {
        ...openapiObject,
        paths: referenced(openapiObject.paths, titled),
        components: { ...components, schemas },
      } as typeof openapiObject;
    },
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/docs', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
      .header('x-frame-options', 'DENY')
      .send(renderDocsPage(app.swagger() as Json)),
  );
  // A trailing slash is a common way to type it; one canonical page.
  app.get('/docs/', { schema: { hide: true } }, async (_request, reply) => reply.code(301).header('location', '/docs').send());
}
