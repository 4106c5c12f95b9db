import { Check } from 'typebox/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/core/errors.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';

type Json = Record<string, any>;
const REF = '#/components/schemas/';

/** Every operation of the document, as [method, path, operation]. */
const operations = (doc: Json): [string, string, Json][] =>
  Object.entries<Json>(doc.paths).flatMap(([path, ops]) =>
    Object.entries<Json>(ops).map(([m, op]): [string, string, Json] => [m, path, op]),
  );

/** Every `$ref` anywhere under `node`. */
const refs = (node: unknown): string[] =>
  Array.isArray(node)
    ? node.flatMap(refs)
    : node && typeof node === 'object'
      ? Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)))
      : [];

const hasExample = (media: Json | undefined): boolean =>
  Object.values<Json>(media ?? {}).some((m) => m.example !== undefined || m.examples !== undefined || m.schema?.examples !== undefined);

describe('OpenAPI document and reference page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(() => h.close());

  it('serves an OpenAPI 3.1 document generated from the validating schemas', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const expected: [string, string][] = [
      ['get', '/user_management/users/{user_id}/data_providers'],
      ['get', '/organizations/{organization_id}/data_integration_configurations'],
      ['put', '/organizations/{organization_id}/data_integration_configurations/{slug}'],
      ['delete', '/organizations/{organization_id}/data_integration_configurations/{slug}'],
      ['get', '/data-integrations'],
      ['post', '/data-integrations'],
      ['get', '/data-integrations/{slug}'],
      ['put', '/data-integrations/{slug}'],
      ['delete', '/data-integrations/{slug}'],
      ['get', '/data-integrations/{slug}/organization'],
      ['put', '/data-integrations/{slug}/organization'],
      ['delete', '/data-integrations/{slug}/organization'],
      ['get', '/user_management/users/{user_id}/connected_accounts/{slug}'],
      ['post', '/user_management/users/{user_id}/connected_accounts/{slug}'],
      ['put', '/user_management/users/{user_id}/connected_accounts/{slug}'],
      ['delete', '/user_management/users/{user_id}/connected_accounts/{slug}'],
      ['get', '/organizations/{organization_id}/data_providers'],
      ['get', '/organizations/{organization_id}/connected_accounts/{slug}'],
      ['post', '/organizations/{organization_id}/connected_accounts/{slug}'],
      ['put', '/organizations/{organization_id}/connected_accounts/{slug}'],
      ['delete', '/organizations/{organization_id}/connected_accounts/{slug}'],
      ['get', '/catalog/providers'],
      ['get', '/catalog/providers/{slug}'],
      ['get', '/events'],
    ];
    for (const [method, path] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    // The same schema that validates R3 is the one documented: unknown fields are refused there too.
    const r3 = doc.paths['/organizations/{organization_id}/data_integration_configurations/{slug}'].put;
    const bodyRef = r3.requestBody.content['application/json'].schema;
    expect(bodyRef).toEqual({ $ref: `${REF}ConfigureOrganizationBody` });
    const body = doc.components.schemas.ConfigureOrganizationBody;
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties).sort()).toEqual(['client_id', 'client_secret', 'config', 'enabled', 'scopes']);
    expect(r3.responses['200']).toBeDefined();
    expect(r3.responses['422']).toBeDefined();
    expect(doc.paths['/data-integrations'].post.requestBody.content['application/json'].schema.$ref).toBe(
      `${REF}CreateDataIntegrationBody`,
    );
    const r5 = doc.components.schemas.CreateDataIntegrationBody;
    expect(r5.properties.custom_provider.properties.revocation_url).toBeDefined();
    expect(doc.components.securitySchemes.apiKey.scheme).toBe('bearer');
  });

  describe('what a client generator and a newcomer need', () => {
    let doc: Json;
    beforeAll(async () => {
      doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    });

    it('reuses component schemas by $ref, and every $ref resolves', () => {
      for (const name of [
        'ErrorBody',
        'DataIntegration',
        'DataIntegrationList',
        'ConnectedAccount',
        'TokenResponse',
        'VendBody',
        'WebhookEndpoint',
      ])
        expect(doc.components.schemas[name], name).toBeDefined();
      const token = doc.paths['/data-integrations/{slug}/token'].post;
      expect(token.requestBody.content['application/json'].schema).toEqual({ $ref: `${REF}VendBody` });
      expect(token.responses['200'].content['application/json'].schema).toEqual({ $ref: `${REF}TokenResponse` });
      expect(token.responses['404'].content['application/json'].schema).toEqual({ $ref: `${REF}ErrorBody` });
      // A list refers to its item schema rather than repeating it.
      expect(doc.components.schemas.DataIntegrationList.properties.data.items).toEqual({ $ref: `${REF}DataIntegration` });
      const all = refs(doc);
      expect(all.length).toBeGreaterThan(100);
      for (const ref of new Set(all)) {
        expect(ref.startsWith(REF), ref).toBe(true);
        expect(doc.components.schemas[ref.slice(REF.length)], ref).toBeDefined();
      }
    });

    it('has an example for every operation: every request body, and every JSON success answer', () => {
      for (const [method, path, op] of operations(doc)) {
        const where = `${method} ${path}`;
        const body = op.requestBody ? hasExample(op.requestBody.content) : null;
        if (op.requestBody) expect(body, `${where} request example`).toBe(true);
        const success = Object.entries<Json>(op.responses).filter(([status, r]) => /^2/.test(status) && r.content);
        for (const [status, r] of success) expect(hasExample(r.content), `${where} ${status} example`).toBe(true);
        const params = (op.parameters ?? []).some((p: Json) => p.example !== undefined);
        expect(Boolean(body) || success.length > 0 || params, `${where} has no example at all`).toBe(true);
      }
    });

    it('every example is valid against its own schema', () => {
      // The components, their $refs made local names, checked with TypeBox's own validator.
      const context = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll(`"${REF}`, '"'));
      let checked = 0;
      for (const [name, schema] of Object.entries<Json>(context)) {
        for (const example of schema.examples ?? []) {
          expect(Check(context, schema, example), `${name}: ${JSON.stringify(example)}`).toBe(true);
          checked++;
        }
      }
      // And a wrong example would be caught.
      expect(Check(context, context.VendBody, { userId: 'user_1' })).toBe(false);
      expect(checked).toBeGreaterThanOrEqual(25);
    });

    it('describes every response (no "Default Response"), names the server, and types limit as an integer', () => {
      expect(doc.servers).toEqual([{ url: PUBLIC_URL, description: expect.any(String) }]);
      for (const [method, path, op] of operations(doc)) {
        for (const [status, r] of Object.entries<Json>(op.responses)) {
          expect(r.description, `${method} ${path} ${status}`).not.toBe('Default Response');
          expect(r.description.length, `${method} ${path} ${status}`).toBeGreaterThan(5);
        }
      }
      const limits = operations(doc).flatMap(([, , op]) =>
        (op.parameters ?? []).filter((p: Json) => p.in === 'query' && p.name === 'limit'),
      );
      expect(limits.length).toBeGreaterThanOrEqual(3);
      for (const limit of limits) expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    });

    it('enumerates exactly ERROR_CODES in the error schema', () => {
      expect(doc.components.schemas.ErrorBody.properties.code.enum).toEqual([...ERROR_CODES]);
    });

    it('lists /health, /ready, /metrics and the browser routes, without an API key', () => {
      for (const path of ['/health', '/ready', '/metrics']) {
        expect(doc.paths[path]?.get?.tags, path).toEqual(['Operations']);
        expect(doc.paths[path].get.security, path).toEqual([]);
      }
      expect(doc.paths['/ready'].get.responses['503']).toBeDefined();
      const browser = operations(doc).filter(([, , op]) => op.tags?.includes('Browser routes'));
      const listed = browser.map(([m, p]) => `${m} ${p}`);
      for (const expected of [
        'get /data-integrations/{link}/authorize-redirect',
        'post /data-integrations/{link}/authorize-redirect',
        'get /data-integrations/{slug}/{key}/callback',
        'get /widgets/pipes',
        'get /widgets/pipes-admin',
        'get /dashboard/',
        'get /dashboard/sign-in',
      ])
        expect(listed, `${expected} in ${listed.join(', ')}`).toContain(expected);
      for (const [, , op] of browser) expect(op.security).toEqual([]);
    });

    it('serves /docs/ (trailing slash) by redirecting to /docs', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/docs/' });
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe('/docs');
    });
  });

  it('renders a readable reference page without third-party resources', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('/organizations/{organization_id}/data_integration_configurations/{slug}');
    expect(res.body).toContain('Configure a provider for an organization (R3)');
    expect(res.body).toContain('<code>client_secret</code>');
    expect(res.body).not.toMatch(/<script|https?:\/\/(?!127\.)[a-z0-9.-]+\/[^"]*\.(js|css)/i);
  });
});
