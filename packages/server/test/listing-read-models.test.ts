import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

const R1 = '/user_management/users/user_1/data_providers?organization_id=org_1';
const R23 = '/organizations/org_1/data_providers';

/**
 * The listings cache an environment's integrations and an organization's overrides per process
 * (connections/listing-read-models.ts). Process A caches; process B — a second server on the same
 * database — or a plain SQL statement changes what A cached; A's very next listing must show it.
 */
describe.each(DIALECTS)('provider listings over cached read models on %s', (dialect) => {
  let a: Harness;
  let b: Harness;
  // A's answer (from its caches) must equal the one B builds (B's caches are filled by its own
  // requests only; B made the change), byte for byte.
  const slugs = async (url = R1) => {
    const res = await a.request('GET', url);
    expect(res.status).toBe(200);
    expect(res.text).toBe((await b.request('GET', url)).text);
    return res.body.data.map((d: any) => d.slug);
  };
  const scopesOf = async (slug: string) => (await a.request('GET', R1)).body.data.find((d: any) => d.slug === slug)?.scopes;

  beforeAll(async () => {
    a = await startHarness(dialect);
    b = await startHarness(dialect, { target: a.target, keyring: a.keyring });
    expect(b.environmentId).toBe(a.environmentId);
    for (const provider of ['gitlab', 'notion']) {
      const res = await b.request('POST', '/data-integrations', {
        provider,
        enabled: true,
        credentials: { type: 'custom', client_id: 'id', client_secret: 'secret' },
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a repeated listing runs one statement: the versions of what it shows', async () => {
    expect(await slugs()).toEqual(['gitlab', 'notion']);
    a.queries.length = 0;
    expect(await slugs()).toEqual(['gitlab', 'notion']);
    const own = a.queries.filter((q) => !/api_keys/.test(q));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/read_model_versions/);
  });

  it("another process's new integration, override, disable and delete show at the next listing", async () => {
    expect(await slugs()).toEqual(['gitlab', 'notion']);
    expect(
      (
        await b.request('POST', '/data-integrations', {
          provider: 'asana',
          enabled: true,
          credentials: { type: 'custom', client_id: 'i', client_secret: 's' },
        })
      ).status,
    ).toBe(201);
    expect(await slugs()).toEqual(['asana', 'gitlab', 'notion']);

    expect((await b.request('PUT', '/organizations/org_1/data_integration_configurations/gitlab', { scopes: ['read_api'] })).status).toBe(
      200,
    );
    expect(await scopesOf('gitlab')).toEqual(['read_api']);
    expect((await b.request('PUT', '/organizations/org_1/data_integration_configurations/notion', { enabled: false })).status).toBe(200);
    expect(await slugs()).toEqual(['asana', 'gitlab']);
    // Another organization's listing is not affected by org_1's override.
    expect(await slugs('/user_management/users/user_1/data_providers?organization_id=org_2')).toEqual(['asana', 'gitlab', 'notion']);

    expect((await b.request('DELETE', '/organizations/org_1/data_integration_configurations/notion')).status).toBe(204);
    expect(await slugs()).toEqual(['asana', 'gitlab', 'notion']);
    expect((await b.request('DELETE', '/data-integrations/asana')).status).toBe(204);
    expect(await slugs()).toEqual(['gitlab', 'notion']);
  });

  it('a change written by plain SQL (the CLI, a migration, an operator) is seen too', async () => {
    expect(await slugs()).toEqual(['gitlab', 'notion']);
    await sql`update data_integrations set enabled = 0 where slug = 'notion'`.execute(b.db);
    expect(await slugs()).toEqual(['gitlab']);
    await sql`update data_integrations set enabled = 1 where slug = 'notion'`.execute(b.db);
    expect(await slugs()).toEqual(['gitlab', 'notion']);
  });

  it('a connection made in another process shows with the cached models (connections are never cached)', async () => {
    expect((await a.request('GET', R1)).body.data.find((d: any) => d.slug === 'gitlab').connected_account).toBeNull();
    expect(
      (await b.request('POST', '/user_management/users/user_1/connected_accounts/gitlab?organization_id=org_1', { access_token: 't' }))
        .status,
    ).toBe(201);
    const gitlab = (await a.request('GET', R1)).body.data.find((d: any) => d.slug === 'gitlab');
    expect(gitlab.connected_account).toMatchObject({ state: 'connected', user_id: 'user_1' });
    expect((await a.request('GET', R23)).status).toBe(200);
  });

  it('each write to the cached tables bumps the version in its transaction; other tables do not', async () => {
    const version = async () =>
      Number(
        (await a.db.selectFrom('read_model_versions').select('version').where('environment_id', '=', a.environmentId).executeTakeFirst())
          ?.version ?? 0,
      );
    const start = await version();
    await sql`update data_integrations set description = 'x' where slug = 'gitlab'`.execute(a.db);
    expect(await version()).toBe(start + 1);
    const overrides = Number((await sql<{ n: number }>`select count(*) as n from org_configurations`.execute(a.db)).rows[0]?.n);
    expect(overrides).toBeGreaterThan(0);
    await sql`update org_configurations set updated_at = updated_at`.execute(a.db);
    await sql`update connected_accounts set updated_at = updated_at`.execute(a.db);
    await sql`update environments set updated_at = updated_at`.execute(a.db).catch(() => undefined);
    expect(await version()).toBe(start + 1 + overrides);
  });
});
