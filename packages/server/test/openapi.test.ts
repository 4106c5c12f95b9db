import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';

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
    const body = r3.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties).sort()).toEqual(['client_id', 'client_secret', 'config', 'enabled', 'scopes']);
    expect(r3.responses['200']).toBeDefined();
    expect(r3.responses['422']).toBeDefined();
    const r5 = doc.paths['/data-integrations'].post.requestBody.content['application/json'].schema;
    expect(r5.properties.custom_provider.properties.revocation_url).toBeDefined();
    expect(doc.components.securitySchemes.apiKey.scheme).toBe('bearer');
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
