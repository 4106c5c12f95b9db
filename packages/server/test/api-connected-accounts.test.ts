import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

const future = () => new Date(Date.now() + 3600_000).toISOString();

describe.each(DIALECTS)('connected accounts and listings (R1, R19–R27, R23, R28) on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
    for (const [provider, extra] of [
      ['gitlab', { enabled: true, scopes: ['read_api'] }],
      ['notion', { enabled: true }],
      ['slack', { enabled: false }],
    ] as const) {
      expect(
        (
          await h.request('POST', '/data-integrations', {
            provider,
            credentials: { type: 'custom', client_id: `${provider}-id`, client_secret: `${provider}-secret` },
            ...extra,
          })
        ).status,
      ).toBe(201);
    }
    expect(
      (
        await h.request('POST', '/data-integrations', {
          provider: 'linear',
          ownership: 'organization',
          enabled: true,
          credentials: { type: 'organization' },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => h.close());

  it('imports tokens (201), replaces them on a second import (200) and derives the state', async () => {
    const expires = future();
    const first = await h.request('POST', '/user_management/users/user_1/connected_accounts/gitlab', {
      access_token: 'at-1',
      refresh_token: 'rt-1',
      expires_at: expires,
      scopes: ['read_api'],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      object: 'connected_account',
      connection_role: 'compatibility',
      user_id: 'user_1',
      organization_id: null,
      scopes: ['read_api'],
      auth_method: 'oauth',
      api_key_last_4: null,
      state: 'connected',
      config: {},
    });
    expect(first.text).not.toContain('at-1');
    const again = await h.request('POST', '/user_management/users/user_1/connected_accounts/gitlab', { access_token: 'at-2' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const row = await h.db.selectFrom('connected_accounts').selectAll().where('id', '=', first.body.id).executeTakeFirstOrThrow();
    expect(row.expires_at).toBeNull();
    expect(h.keyring.open(row.access_token!, `${h.environmentId}|connected_accounts|access_token|${row.id}`)).toBe('at-2');

    const none = await h.request('POST', '/user_management/users/user_2/connected_accounts/gitlab', {});
    expect(none.status).toBe(201);
    expect(none.body.state).toBe('needs_reauthorization');
    const refreshOnly = await h.request('POST', '/user_management/users/user_3/connected_accounts/gitlab', { refresh_token: 'rt-only' });
    expect(refreshOnly.body.state).toBe('connected');
  });

  it('enforces the import token rules with 422', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ access_token: 'a', expires_at: future() }, 'refresh_token'],
      [{ expires_at: future() }, 'expires_at'],
      [{ state: 'connected' }, 'state'],
    ];
    for (const [body, field] of cases) {
      const res = await h.request('POST', '/user_management/users/user_x/connected_accounts/gitlab', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors[0].field).toBe(field);
    }
    expect((await h.request('GET', '/user_management/users/user_x/connected_accounts/gitlab')).status).toBe(404);
  });

  it('gets and updates the compatibility connection; an organization scope is a different owner shape', async () => {
    const got = await h.request('GET', '/user_management/users/user_1/connected_accounts/gitlab');
    expect(got.status).toBe(200);
    expect((await h.request('GET', '/user_management/users/user_1/connected_accounts/gitlab?organization_id=org_1')).status).toBe(404);
    const scoped = await h.request('POST', '/user_management/users/user_1/connected_accounts/gitlab?organization_id=org_1', {
      access_token: 'scoped',
    });
    expect(scoped.body).toMatchObject({ user_id: 'user_1', organization_id: 'org_1', connection_role: 'compatibility' });
    const upd = await h.request('PUT', '/user_management/users/user_1/connected_accounts/gitlab', {
      state: 'needs_reauthorization',
      scopes: ['read_api', 'api'],
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ id: got.body.id, state: 'needs_reauthorization', scopes: ['read_api', 'api'] });
    const back = await h.request(
      'PUT',
      `/user_management/users/user_1/connected_accounts/gitlab?connected_account_id=${got.body.id}&connection_intent=reauthorize`,
      {
        access_token: 'at-3',
        refresh_token: 'rt-3',
        expires_at: future(),
      },
    );
    expect(back.body.state).toBe('connected');
  });

  it('adds standard connections with connection_intent add and resolves them under the plural contract', async () => {
    const add = await h.request('POST', '/user_management/users/user_1/connected_accounts/gitlab', {
      access_token: 'second',
      connection_intent: 'add',
    });
    expect(add.status).toBe(201);
    expect(add.body.connection_role).toBe('standard');
    expect((await h.request('GET', '/user_management/users/user_1/connected_accounts/gitlab')).body.connection_role).toBe('compatibility');
    const ambiguous = await h.request('GET', '/user_management/users/user_1/connected_accounts/gitlab?supports_multiple_connections=true');
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.code).toBe('account_selection_required');
    const exact = await h.request(
      'GET',
      `/user_management/users/user_1/connected_accounts/gitlab?supports_multiple_connections=true&connected_account_id=${add.body.id}`,
    );
    expect(exact.body.id).toBe(add.body.id);
    expect(
      (await h.request('GET', `/user_management/users/user_2/connected_accounts/gitlab?connected_account_id=${add.body.id}`)).status,
    ).toBe(404);
  });

  it('R1 lists enabled user-owned providers with the user’s connection, compatibility only unless plural', async () => {
    const res = await h.request('GET', '/user_management/users/user_1/data_providers');
    expect(res.status).toBe(200);
    const slugs = res.body.data.map((d: any) => d.slug);
    expect(slugs).toEqual(['gitlab', 'notion']);
    const gitlab = res.body.data[0];
    expect(gitlab).toMatchObject({
      object: 'data_provider',
      name: 'GitLab',
      integration_type: 'gitlab',
      credentials_type: 'oauth2',
      scopes: ['read_api'],
      auth_methods: ['oauth'],
      connection_owner: 'user',
      ownership: 'userland_user',
    });
    expect(gitlab.connected_account).toMatchObject({
      user_id: 'user_1',
      userland_user_id: 'user_1',
      connection_role: 'compatibility',
      state: 'connected',
    });
    expect(gitlab.connected_accounts).toHaveLength(1);
    expect(res.body.data[1].connected_account).toBeNull();
    expect(res.body.data[1].connected_accounts).toEqual([]);
    const plural = await h.request('GET', '/user_management/users/user_1/data_providers?supports_multiple_connections=true');
    expect(plural.body.data[0].connected_accounts.map((a: any) => a.connection_role)).toEqual(['compatibility', 'standard']);
  });

  it('R1 applies an organization’s overrides and scopes connections to it', async () => {
    expect(
      (await h.request('PUT', '/organizations/org_1/data_integration_configurations/slack', { enabled: true, scopes: ['chat:write'] }))
        .status,
    ).toBe(200);
    expect((await h.request('PUT', '/organizations/org_1/data_integration_configurations/notion', { enabled: false })).status).toBe(200);
    const res = await h.request('GET', '/user_management/users/user_1/data_providers?organization_id=org_1');
    const bySlug = Object.fromEntries(res.body.data.map((d: any) => [d.slug, d]));
    expect(Object.keys(bySlug).sort()).toEqual(['gitlab', 'slack']);
    expect(bySlug.slack.scopes).toEqual(['chat:write']);
    expect(bySlug.gitlab.connected_account).toMatchObject({ organization_id: 'org_1' });
  });

  it('R1 and R2 run a fixed number of queries whatever the number of providers and accounts', async () => {
    const r1 = '/user_management/users/user_1/data_providers?organization_id=org_1&supports_multiple_connections=true';
    const count = async (url: string) => {
      h.queries.length = 0;
      expect((await h.request('GET', url)).status).toBe(200);
      return h.queries.filter((q) => !/api_keys/.test(q)).length;
    };
    // Any override written bumps the environment's version: R1's cached models and answer go.
    const cold = async (url: string) => {
      expect((await h.request('PUT', '/organizations/org_cold/data_integration_configurations/gitlab', { enabled: true })).status).toBe(
        200,
      );
      return count(url);
    };
    const r1Before = await cold(r1);
    const r2Before = await count('/organizations/org_1/data_integration_configurations');
    for (const provider of ['asana', 'figma', 'dropbox', 'box', 'zoom', 'discord', 'miro', 'todoist']) {
      await h.request('POST', '/data-integrations', {
        provider,
        enabled: true,
        credentials: { type: 'custom', client_id: 'id', client_secret: 'secret' },
      });
      await h.request('POST', `/user_management/users/user_1/connected_accounts/${provider}?organization_id=org_1`, { access_token: 't' });
      await h.request('PUT', `/organizations/org_1/data_integration_configurations/${provider}`, { scopes: ['x'] });
    }
    expect(await cold(r1)).toBe(r1Before);
    expect(await count('/organizations/org_1/data_integration_configurations')).toBe(r2Before);
    // Cold: the versions, the integrations, custom providers and overrides, the connections.
    expect(r1Before).toBeLessThanOrEqual(5);
    // Nothing changed since: the versions only (connections/listing-read-models.ts, http/answer-cache.ts).
    expect(await count(r1)).toBe(1);
  });

  it('handles organization-owned connections (R23–R27)', async () => {
    const imp = await h.request('POST', '/organizations/org_1/connected_accounts/linear', { user_id: 'user_1', access_token: 'org-token' });
    expect(imp.status).toBe(201);
    expect(imp.body).toMatchObject({ user_id: null, organization_id: 'org_1', connection_role: 'compatibility', state: 'connected' });
    expect((await h.request('POST', '/organizations/org_1/connected_accounts/linear', { access_token: 'x' })).status).toBe(400);
    const list = await h.request('GET', '/organizations/org_1/data_providers');
    expect(list.body.data.map((d: any) => d.slug)).toEqual(['linear']);
    expect(list.body.data[0]).toMatchObject({ connection_owner: 'organization', ownership: 'organization' });
    expect(list.body.data[0].connected_account.id).toBe(imp.body.id);
    const upd = await h.request('PUT', '/organizations/org_1/connected_accounts/linear', {
      user_id: 'user_1',
      state: 'needs_reauthorization',
    });
    expect(upd.body.state).toBe('needs_reauthorization');
    expect((await h.request('GET', '/organizations/org_1/connected_accounts/linear')).body.state).toBe('needs_reauthorization');
    expect((await h.request('DELETE', '/organizations/org_1/connected_accounts/linear')).status).toBe(204);
    expect((await h.request('GET', '/organizations/org_1/connected_accounts/linear')).status).toBe(404);
    expect((await h.request('DELETE', '/organizations/org_1/connected_accounts/linear')).status).toBe(404);
  });

  it('records WorkOS-shaped events for every state change and serves them from GET /events', async () => {
    expect((await h.request('DELETE', '/user_management/users/user_2/connected_accounts/gitlab')).status).toBe(204);
    const res = await h.request(
      'GET',
      '/events?events=pipes.connected_account.disconnected,pipes.connected_account.reauthorization_needed&limit=100',
    );
    expect(res.status).toBe(200);
    const names = res.body.data.map((e: any) => e.event);
    expect(names.filter((n: string) => n === 'pipes.connected_account.disconnected')).toHaveLength(2);
    const disc = res.body.data.find((e: any) => e.event === 'pipes.connected_account.disconnected' && e.data.user_id === 'user_2');
    expect(disc).toMatchObject({
      object: 'event',
      data: { object: 'connected_account', provider_slug: 'gitlab', state: 'disconnected', organization_id: null },
    });
    expect(disc.id).toMatch(/^event_[0-9A-Z]{26}$/);
    const ids = res.body.data.map((e: any) => e.id);
    expect([...ids].sort()).toEqual(ids);
    const byOrg = await h.request('GET', '/events?organization_id=org_1&limit=100');
    expect(byOrg.body.data.length).toBeGreaterThan(0);
    expect(byOrg.body.data.every((e: any) => e.data.organization_id === 'org_1')).toBe(true);
    const page1 = await h.request('GET', '/events?limit=2');
    const page2 = await h.request('GET', `/events?limit=2&after=${page1.body.list_metadata.after}`);
    expect(page2.body.data[0].id > page1.body.data[1].id).toBe(true);
    expect((await h.request('GET', '/events?events=user.created')).status).toBe(422);
  });

  it('honours Idempotency-Key on POST: same body replays, a different body is 409', async () => {
    const body = { access_token: 'idem' };
    const headers = { 'idempotency-key': `retry-${dialect}-1` };
    const a = await h.request('POST', '/user_management/users/user_idem/connected_accounts/notion', body, headers);
    const b = await h.request('POST', '/user_management/users/user_idem/connected_accounts/notion', body, headers);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const c = await h.request('POST', '/user_management/users/user_idem/connected_accounts/notion', { access_token: 'other' }, headers);
    expect(c.status).toBe(409);
    expect(c.body.code).toBe('idempotency_key_reused');
    const events = await h.request('GET', '/events?events=pipes.connected_account.connected&limit=100');
    expect(events.body.data.filter((e: any) => e.data.user_id === 'user_idem')).toHaveLength(1);
  });
});
