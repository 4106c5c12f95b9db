import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';

describe.each(DIALECTS)('organization configurations (R2, R3, DELETE) on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
    expect(
      (await h.request('POST', '/data-integrations', { provider: 'gitlab', enabled: true, credentials: { type: 'organization' } })).status,
    ).toBe(201);
    expect(
      (
        await h.request('POST', '/data-integrations', {
          provider: 'slack',
          credentials: { type: 'custom', client_id: 'cid', client_secret: 'slack-secret-1234' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await h.request('POST', '/data-integrations', {
          provider: 'github',
          ownership: 'organization',
          enabled: true,
          credentials: { type: 'custom', client_id: 'gh', client_secret: 'gh-secret-9876' },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => h.close());

  it('lists one item per provider with effective values, disabled ones included, credentials only for organization-credential providers', async () => {
    const res = await h.request('GET', '/organizations/org_1/data_integration_configurations');
    expect(res.status).toBe(200);
    expect(res.body.object).toBe('list');
    const bySlug = Object.fromEntries(res.body.data.map((d: any) => [d.slug, d]));
    expect(Object.keys(bySlug).sort()).toEqual(['github', 'gitlab', 'slack']);
    expect(bySlug.gitlab).toMatchObject({
      object: 'data_integration_configuration',
      organization_id: 'org_1',
      name: 'GitLab',
      enabled: true,
      scopes: null,
      config: {},
      credentials: { credentials_type: 'organization', has_credentials: false, client_id: null, client_secret_last_four: null },
    });
    expect(bySlug.gitlab.credentials.redirect_uri).toMatch(
      new RegExp(`^${PUBLIC_URL}/data-integrations/gitlab/dik_[0-9A-Z]{26}/callback$`),
    );
    expect(bySlug.slack.enabled).toBe(false);
    expect('credentials' in bySlug.slack).toBe(false);
    expect(bySlug.github.id).toMatch(/^data_integration_/);
  });

  it('stores organization credentials sealed and only ever answers the last four', async () => {
    const res = await h.request('PUT', '/organizations/org_1/data_integration_configurations/gitlab', {
      client_id: 'client_01',
      client_secret: 'my-org-secret-value',
    });
    expect(res.status).toBe(200);
    expect(res.body.credentials).toMatchObject({ has_credentials: true, client_id: 'client_01', client_secret_last_four: 'alue' });
    expect(res.text).not.toContain('my-org-secret-value');
    const row = await h.db
      .selectFrom('org_configurations')
      .select('client_secret')
      .where('organization_id', '=', 'org_1')
      .where('slug', '=', 'gitlab')
      .executeTakeFirst();
    expect(row?.client_secret).toMatch(/^v1:test1:/);
    expect(row?.client_secret).not.toContain('my-org-secret-value');
    const stored = await h.store.orgConfigurations.get(h.environmentId, 'org_1', 'gitlab');
    expect(stored?.client_secret?.open()).toBe('my-org-secret-value');
    const list = await h.request('GET', '/organizations/org_1/data_integration_configurations');
    expect(list.text).not.toContain('my-org-secret-value');
    expect(list.body.data.find((d: any) => d.slug === 'gitlab').credentials.client_secret_last_four).toBe('alue');
  });

  it('overrides enabled and scopes per organization, and null inherits again', async () => {
    let res = await h.request('PUT', '/organizations/org_2/data_integration_configurations/slack', {
      enabled: true,
      scopes: ['channels:read'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enabled: true, scopes: ['channels:read'] });
    const other = await h.request('GET', '/organizations/org_3/data_integration_configurations');
    expect(other.body.data.find((d: any) => d.slug === 'slack')).toMatchObject({ enabled: false, scopes: null });
    res = await h.request('PUT', '/organizations/org_2/data_integration_configurations/slack', { enabled: null, scopes: null });
    expect(res.body).toMatchObject({ enabled: false, scopes: null });
  });

  it('rejects the rule violations with 422 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'enabled'],
      [{ client_id: 'x' }, 'client_secret'],
      [{ client_secret: 'x' }, 'client_id'],
      [{ client_id: 'x', client_secret: 'y' }, 'client_id'],
      [{ config: {} }, 'enabled'],
    ];
    for (const [body, field] of cases) {
      const slug = (body as any).client_id && (body as any).client_secret ? 'slack' : (body as any).config ? 'slack' : 'gitlab';
      const res = await h.request('PUT', `/organizations/org_9/data_integration_configurations/${slug}`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    }
    expect(await h.store.orgConfigurations.listForOrganization(h.environmentId, 'org_9')).toEqual([]);
  });

  it('answers 404 for an unknown slug and removes an override with DELETE', async () => {
    expect((await h.request('PUT', '/organizations/org_1/data_integration_configurations/notion', { enabled: true })).status).toBe(404);
    expect((await h.request('DELETE', '/organizations/org_1/data_integration_configurations/gitlab')).status).toBe(204);
    const list = await h.request('GET', '/organizations/org_1/data_integration_configurations');
    expect(list.body.data.find((d: any) => d.slug === 'gitlab').credentials.has_credentials).toBe(false);
    expect((await h.request('DELETE', '/organizations/org_1/data_integration_configurations/gitlab')).status).toBe(404);
  });
});
