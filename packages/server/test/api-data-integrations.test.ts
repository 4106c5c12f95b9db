import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';

const custom = (id: string, secret: string) => ({ type: 'custom', client_id: id, client_secret: secret });

describe.each(DIALECTS)('data integrations (R4–R11) on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h.close());

  it('creates a built-in integration with defaults, a per-integration redirect URI and a redacted secret', async () => {
    const res = await h.request('POST', '/data-integrations', { provider: 'github', credentials: custom('Iv1.abc', 'github-secret-WXYZ') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      object: 'data_integration',
      slug: 'github',
      integration_type: 'github',
      ownership: 'user',
      description: null,
      enabled: false,
      state: 'valid',
      scopes: null,
      auth_methods: ['oauth'],
      credentials: { type: 'custom', client_id: 'Iv1.abc', redacted_client_secret: 'WXYZ' },
      config: {},
      custom_provider: null,
    });
    expect(res.body.id).toMatch(/^data_integration_[0-9A-Z]{26}$/);
    expect(res.body.redirect_uri).toMatch(new RegExp(`^${PUBLIC_URL}/data-integrations/github/dik_[0-9A-Z]{26}/callback$`));
    expect(res.text).not.toContain('github-secret-WXYZ');
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps one root per ownership: a second user root is 409, an organization root is separate', async () => {
    const dup = await h.request('POST', '/data-integrations', { provider: 'github', credentials: custom('x', 'y') });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('integration_already_exists');
    const org = await h.request('POST', '/data-integrations', {
      provider: 'github',
      ownership: 'organization',
      enabled: true,
      credentials: { type: 'organization' },
    });
    expect(org.status).toBe(201);
    expect(org.body).toMatchObject({
      ownership: 'organization',
      credentials: { type: 'organization', client_id: null, redacted_client_secret: null },
    });
    const user = await h.request('GET', '/data-integrations/github');
    const orgGet = await h.request('GET', '/data-integrations/github/organization');
    expect(user.body.id).not.toBe(orgGet.body.id);
    expect(orgGet.body.id).toBe(org.body.id);
    expect(user.body.redirect_uri).not.toBe(orgGet.body.redirect_uri);
  });

  it('updates description, enabled, scopes and rotates credentials; null scopes reset', async () => {
    let res = await h.request('PUT', '/data-integrations/github', { description: 'Code', enabled: true, scopes: ['repo', 'read:user'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: 'Code', enabled: true, scopes: ['repo', 'read:user'] });
    res = await h.request('PUT', '/data-integrations/github', { scopes: null, credentials: custom('Iv1.new', 'rotated-secret-9999') });
    expect(res.body).toMatchObject({ scopes: null, credentials: { client_id: 'Iv1.new', redacted_client_secret: '9999' } });
    expect(Date.parse(res.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(res.body.created_at));
  });

  it('creates custom providers (defaults filled, https enforced) shared by both roots and removed with the last one', async () => {
    const res = await h.request('POST', '/data-integrations', {
      provider: 'acme',
      enabled: true,
      credentials: custom('acme-id', 'acme-secret'),
      custom_provider: { name: 'Acme', authorization_url: 'https://auth.acme.test/authorize', token_url: 'https://auth.acme.test/token' },
    });
    expect(res.status).toBe(201);
    expect(res.body.custom_provider).toEqual({
      name: 'Acme',
      authorization_url: 'https://auth.acme.test/authorize',
      token_url: 'https://auth.acme.test/token',
      refresh_token_url: null,
      revocation_url: null,
      issuer: null,
      pkce_enabled: true,
      request_scope_separator: ' ',
      scopes_required: false,
      client_secret_required: true,
      additional_authorization_parameters: {},
      token_body_content_type: 'application/x-www-form-urlencoded',
      authenticate_via: 'request_body',
      api_base_url: null,
    });
    const orgRoot = await h.request('POST', '/data-integrations', {
      provider: 'acme',
      ownership: 'organization',
      credentials: { type: 'organization' },
    });
    expect(orgRoot.status).toBe(201);
    expect(orgRoot.body.custom_provider.name).toBe('Acme');
    const upd = await h.request('PUT', '/data-integrations/acme/organization', {
      custom_provider: { name: 'Acme Inc', revocation_url: 'https://auth.acme.test/revoke' },
    });
    expect(upd.body.custom_provider).toMatchObject({
      name: 'Acme Inc',
      revocation_url: 'https://auth.acme.test/revoke',
      token_url: 'https://auth.acme.test/token',
    });
    expect((await h.request('GET', '/data-integrations/acme')).body.custom_provider.name).toBe('Acme Inc');

    expect((await h.request('DELETE', '/data-integrations/acme')).status).toBe(204);
    expect(await h.store.customProviders.bySlug(h.environmentId, 'acme')).not.toBeNull();
    expect((await h.request('DELETE', '/data-integrations/acme/organization')).status).toBe(204);
    expect(await h.store.customProviders.bySlug(h.environmentId, 'acme')).toBeNull();
    expect((await h.request('GET', '/data-integrations/acme')).status).toBe(404);
  });

  it('refuses custom providers that set OAuth parameters the client owns (state, code_challenge, …)', async () => {
    for (const name of ['state', 'code_challenge', 'redirect_uri', 'client_id', 'response_type', 'scope']) {
      const res = await h.request('POST', '/data-integrations', {
        provider: `reserved-${name.replace('_', '-')}`,
        enabled: true,
        credentials: { type: 'custom', client_id: 'c', client_secret: 's' },
        custom_provider: {
          name: 'Reserved',
          authorization_url: 'https://auth.acme.test/authorize',
          token_url: 'https://auth.acme.test/token',
          additional_authorization_parameters: { prompt: 'consent', [name]: 'x' },
        },
      });
      expect(res.status, name).toBe(422);
      expect(res.body.errors).toEqual([
        { field: `custom_provider.additional_authorization_parameters.${name}`, code: 'reserved_parameter' },
      ]);
    }
    const allowed = await h.request('POST', '/data-integrations', {
      provider: 'reserved-ok',
      enabled: true,
      credentials: { type: 'custom', client_id: 'c', client_secret: 's' },
      custom_provider: {
        name: 'Fine',
        authorization_url: 'https://auth.acme.test/authorize',
        token_url: 'https://auth.acme.test/token',
        additional_authorization_parameters: { prompt: 'consent', access_type: 'offline' },
      },
    });
    expect(allowed.status, allowed.text).toBe(201);
    expect((await h.request('DELETE', '/data-integrations/reserved-ok')).status).toBe(204);
  });

  it('supports api_key integrations with a first tenant installed on create', async () => {
    const res = await h.request('POST', '/data-integrations', {
      provider: 'acme-keys',
      auth_methods: ['api_key'],
      enabled: true,
      custom_provider: { name: 'Acme Keys' },
      api_key: { secret: 'tenant-key-1234', user_id: 'user_1' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ auth_methods: ['api_key'], credentials: null, redirect_uri: '', state: 'valid' });
    expect(res.body.installation).toMatchObject({
      connection_role: 'compatibility',
      user_id: 'user_1',
      organization_id: null,
      api_key_last_4: '1234',
    });
    expect(res.text).not.toContain('tenant-key-1234');
    expect((await h.request('GET', '/data-integrations/acme-keys')).body.installation).toBeUndefined();
  });

  it('pages R4 by cursor in both orders and filters by ownership', async () => {
    for (const slug of ['gitlab', 'slack', 'notion', 'linear', 'asana', 'figma']) {
      expect(
        (await h.request('POST', '/data-integrations', { provider: slug, credentials: custom(`${slug}-id`, `${slug}-secret`) })).status,
      ).toBe(201);
    }
    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await h.request('GET', `/data-integrations?limit=3&order=asc${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      all.push(...page.body.data.map((d: any) => d.id));
      after = page.body.list_metadata.after;
    } while (after);
    const total = (await h.request('GET', '/data-integrations?limit=100')).body.data.map((d: any) => d.id);
    expect(all).toEqual([...total].reverse());
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(9);
    const firstDesc = await h.request('GET', '/data-integrations?limit=2');
    const back = await h.request('GET', `/data-integrations?limit=2&before=${firstDesc.body.data[1].id}`);
    expect(back.body.data.map((d: any) => d.id)).toEqual([firstDesc.body.data[0].id]);
    const orgOnly = await h.request('GET', '/data-integrations?ownership=organization');
    expect(orgOnly.body.data.every((d: any) => d.ownership === 'organization')).toBe(true);
    expect(orgOnly.body.data.length).toBe(1);
  });

  it('deleting an integration deletes its connections', async () => {
    const imp = await h.request('POST', '/user_management/users/user_9/connected_accounts/gitlab', { access_token: 'tok' });
    expect(imp.status).toBe(201);
    expect((await h.request('DELETE', '/data-integrations/gitlab')).status).toBe(204);
    expect(
      await h.store.accounts.byId(
        imp.body.id.length
          ? ((await h.store.integrations.listAll(h.environmentId)).find((r) => r.slug === 'gitlab')?.id ?? 'none')
          : 'none',
        imp.body.id,
      ),
    ).toBeNull();
    const rows = await h.db.selectFrom('connected_accounts').select('id').where('id', '=', imp.body.id).execute();
    expect(rows).toEqual([]);
  });

  it('is scoped to the API key’s environment', async () => {
    const other = await h.deps.environments.create(`other${dialect}`);
    const { key } = await h.deps.apiKeys.create(other);
    const res = await h.request('GET', '/data-integrations/github', undefined, { authorization: `Bearer ${key}` });
    expect(res.status).toBe(404);
    const list = await h.request('GET', '/data-integrations', undefined, { authorization: `Bearer ${key}` });
    expect(list.body.data).toEqual([]);
  });
});
