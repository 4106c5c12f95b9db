import { blankAccountRow } from '../src/connections/account-row.ts';
import { organizationOwner, userOwner, type Owner } from '../src/connections/owner.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_PREFIX, newId } from '../src/ids.ts';
import type { AccountRow } from '../src/store/accounts-repo.ts';
import { openDatabase } from '../src/store/database.ts';
import type { ApiKeyRow, EnvironmentRow } from '../src/store/environments-repo.ts';
import type { EventRow, IdempotencyRow } from '../src/store/events-repo.ts';
import type { CustomProviderRow, IntegrationRow, OrgConfigurationRow, Ownership, PageQuery } from '../src/store/integrations-repo.ts';
import { MIGRATIONS, migrateToLatest } from '../src/store/migrate.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './support/dialects.ts';
import { openTestStore } from './support/harness.ts';

/**
 * One contract, two engines: every repository behaves the same on SQLite and PostgreSQL
 * (security.md §21–23: constraints, transactions, forward-only migrations).
 */

const T0 = '2025-01-01T00:00:00.000Z';
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const UNIQUE = /unique/i;

let envCounter = 0;
const envRow = (over: Partial<EnvironmentRow> = {}): EnvironmentRow => ({
  id: newId(ID_PREFIX.environment),
  name: `env-${++envCounter}-${Math.random().toString(36).slice(2, 8)}`,
  production: 0,
  allowed_return_origins: '["https://app.example.com"]',
  confirmation_screen: 1,
  created_at: T0,
  updated_at: T0,
  ...over,
});

const apiKeyRow = (environmentId: string, over: Partial<ApiKeyRow> = {}): ApiKeyRow => ({
  id: newId(ID_PREFIX.apiKey),
  environment_id: environmentId,
  name: 'key',
  digest: `digest-${Math.random().toString(36).slice(2)}-${Date.now()}`,
  last4: 'abcd',
  created_at: T0,
  last_used_at: null,
  revoked_at: null,
  ...over,
});

const integrationRow = (environmentId: string, slug: string, ownership: Ownership = 'user', over: Partial<IntegrationRow> = {}): IntegrationRow => ({
  id: newId(ID_PREFIX.integration),
  environment_id: environmentId,
  slug,
  ownership,
  description: null,
  enabled: 1,
  scopes: null,
  auth_method: 'oauth',
  config: '{}',
  credentials_type: 'custom',
  client_id: 'client-id',
  client_secret: null,
  client_secret_last4: null,
  redirect_key: newId(ID_PREFIX.redirectKey),
  custom_provider_id: null,
  created_at: T0,
  updated_at: T0,
  ...over,
});

const customProviderRow = (environmentId: string, slug: string, over: Partial<CustomProviderRow> = {}): CustomProviderRow => ({
  id: newId(ID_PREFIX.customProvider),
  environment_id: environmentId,
  slug,
  definition: JSON.stringify({ name: slug }),
  created_at: T0,
  updated_at: T0,
  ...over,
});

const orgConfigRow = (environmentId: string, organizationId: string, slug: string, over: Partial<OrgConfigurationRow> = {}): OrgConfigurationRow => ({
  id: newId(ID_PREFIX.orgConfiguration),
  environment_id: environmentId,
  slug,
  organization_id: organizationId,
  enabled: null,
  scopes: null,
  config: null,
  client_id: null,
  client_secret: null,
  client_secret_last4: null,
  created_at: T0,
  updated_at: T0,
  ...over,
});

/** Builds on the service's own blank row, so a new column needs no edit here. */
const accountRow = (integration: IntegrationRow, ownerKey: string, role: AccountRow['connection_role'], over: Partial<AccountRow> = {}): AccountRow => {
  const owner: Owner = ownerKey.startsWith('o|')
    ? organizationOwner(ownerKey.slice(2))
    : userOwner(ownerKey.split('|')[1]!, ownerKey.split('|')[2] || null);
  return { ...blankAccountRow(integration, owner, role, T0), state: 'connected', ...over };
};

const eventRow = (environmentId: string, event: string, organizationId: string | null, createdAt: string): EventRow => ({
  id: newId(ID_PREFIX.event),
  environment_id: environmentId,
  event,
  organization_id: organizationId,
  data: JSON.stringify({ event }),
  created_at: createdAt,
});

const idemRow = (environmentId: string, route: string, key: string, over: Partial<IdempotencyRow> = {}): IdempotencyRow => ({
  environment_id: environmentId,
  route,
  idempotency_key: key,
  body_hash: 'hash-1',
  status: null,
  response: null,
  created_at: T0,
  ...over,
});

const ids = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id);
const page = (q: Partial<PageQuery>): PageQuery => ({ limit: 10, order: 'asc', after: null, before: null, ownership: null, ...q });

async function newEnv(store: Store, over: Partial<EnvironmentRow> = {}): Promise<EnvironmentRow> {
  const row = envRow(over);
  await store.environments.insert(row);
  return row;
}

async function newIntegration(store: Store, environmentId: string, slug: string, ownership: Ownership = 'user', over: Partial<IntegrationRow> = {}): Promise<IntegrationRow> {
  const row = integrationRow(environmentId, slug, ownership, over);
  await store.integrations.insert(row);
  return row;
}

async function count(store: Store, table: 'environments' | 'data_integrations' | 'connected_accounts' | 'events' | 'custom_providers' | 'api_keys', environmentId?: string): Promise<number> {
  let q = store.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n'));
  if (environmentId !== undefined) {
    q = table === 'environments' ? q.where(sql.ref('id'), '=', environmentId) : q.where(sql.ref('environment_id'), '=', environmentId);
  }
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe.each(DIALECTS)('store contract on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(dialect));
    expect(store.dialect).toBe(dialect);
  });
  afterAll(() => close?.());

  describe('environments and API keys', () => {
    it('inserts an environment and finds it by name and id; the name is unique', async () => {
      const env = await newEnv(store, { production: 1, confirmation_screen: 0 });
      expect(await store.environments.byName(env.name)).toEqual(env);
      expect(await store.environments.byId(env.id)).toEqual(env);
      expect(await store.environments.byName(`${env.name}-missing`)).toBeNull();
      expect(await store.environments.byId(newId(ID_PREFIX.environment))).toBeNull();
      await expect(store.environments.insert(envRow({ name: env.name }))).rejects.toThrow(UNIQUE);
      expect(ids(await store.environments.list())).toContain(env.id);
    });

    it('updates an environment', async () => {
      const env = await newEnv(store);
      await store.environments.update(env.id, { allowed_return_origins: '["https://b.example"]', updated_at: at(5) });
      expect(await store.environments.byId(env.id)).toEqual({ ...env, allowed_return_origins: '["https://b.example"]', updated_at: at(5) });
    });

    it('inserts API keys, finds them by digest, revokes once, touches last_used_at; the digest is unique', async () => {
      const env = await newEnv(store);
      const k1 = apiKeyRow(env.id, { name: 'first', created_at: at(1) });
      const k2 = apiKeyRow(env.id, { name: 'second', created_at: at(2) });
      await store.apiKeys.insert(k1);
      await store.apiKeys.insert(k2);
      expect(await store.apiKeys.byDigest(k1.digest)).toEqual(k1);
      expect(await store.apiKeys.byDigest('no-such-digest')).toBeNull();
      await expect(store.apiKeys.insert(apiKeyRow(env.id, { digest: k1.digest }))).rejects.toThrow(UNIQUE);
      expect(ids(await store.apiKeys.list(env.id))).toEqual([k1.id, k2.id]);

      expect(await store.apiKeys.revoke(k1.id, at(10))).toBe(true);
      expect(await store.apiKeys.revoke(k1.id, at(11))).toBe(false);
      expect(await store.apiKeys.revoke(newId(ID_PREFIX.apiKey), at(11))).toBe(false);
      expect((await store.apiKeys.byDigest(k1.digest))?.revoked_at).toBe(at(10));
      expect((await store.apiKeys.byDigest(k2.digest))?.revoked_at).toBeNull();

      await store.apiKeys.touch(k2.id, at(20));
      expect(await store.apiKeys.byDigest(k2.digest)).toEqual({ ...k2, last_used_at: at(20) });
      await store.apiKeys.touch(k2.id, at(21));
      expect((await store.apiKeys.byDigest(k2.digest))?.last_used_at).toBe(at(21));
    });

    it('an API key must belong to an existing environment', async () => {
      await expect(store.apiKeys.insert(apiKeyRow(newId(ID_PREFIX.environment)))).rejects.toThrow(/foreign key/i);
    });
  });

  describe('integrations', () => {
    it('finds a root by slug per ownership and by redirect key', async () => {
      const env = await newEnv(store);
      const user = await newIntegration(store, env.id, 'github', 'user', { client_id: 'user-client' });
      const org = await newIntegration(store, env.id, 'github', 'organization', { client_id: 'org-client' });
      expect(await store.integrations.bySlug(env.id, 'github', 'user')).toEqual(user);
      expect(await store.integrations.bySlug(env.id, 'github', 'organization')).toEqual(org);
      expect(await store.integrations.bySlug(env.id, 'gitlab', 'user')).toBeNull();
      expect(await store.integrations.byRedirectKey(org.redirect_key)).toEqual(org);
      expect(await store.integrations.byRedirectKey(newId(ID_PREFIX.redirectKey))).toBeNull();
      expect(ids(await store.integrations.allBySlug(env.id, 'github')).sort()).toEqual([user.id, org.id].sort());
    });

    it('rejects a second root with the same (environment, slug, ownership) and a reused redirect key', async () => {
      const env = await newEnv(store);
      const first = await newIntegration(store, env.id, 'slack', 'user');
      await expect(store.integrations.insert(integrationRow(env.id, 'slack', 'user'))).rejects.toThrow(UNIQUE);
      await expect(store.integrations.insert(integrationRow(env.id, 'notion', 'user', { redirect_key: first.redirect_key }))).rejects.toThrow(UNIQUE);
      // Same slug, other ownership, and same slug in another environment are fine.
      await newIntegration(store, env.id, 'slack', 'organization');
      const other = await newEnv(store);
      await newIntegration(store, other.id, 'slack', 'user');
      expect(await store.integrations.allBySlug(env.id, 'slack')).toHaveLength(2);
      expect(await store.integrations.allBySlug(other.id, 'slack')).toHaveLength(1);
    });

    it('updates a root and lists an environment by slug, optionally per ownership', async () => {
      const env = await newEnv(store);
      const b = await newIntegration(store, env.id, 'bbb', 'user');
      const a = await newIntegration(store, env.id, 'aaa', 'organization');
      const c = await newIntegration(store, env.id, 'aaa', 'user');
      await store.integrations.update(b.id, { enabled: 0, client_secret: 'v1:k:iv:body', client_secret_last4: 'body', updated_at: at(3) });
      expect(await store.integrations.bySlug(env.id, 'bbb', 'user')).toEqual({ ...b, enabled: 0, client_secret: 'v1:k:iv:body', client_secret_last4: 'body', updated_at: at(3) });
      const all = await store.integrations.listAll(env.id);
      expect(all.map((r) => r.slug)).toEqual(['aaa', 'aaa', 'bbb']);
      expect(new Set(ids(all.slice(0, 2)))).toEqual(new Set([a.id, c.id]));
      expect(ids(await store.integrations.listAll(env.id, 'organization'))).toEqual([a.id]);
      expect(ids(await store.integrations.listAll(env.id, 'user'))).toEqual([c.id, b.id]);
    });

    describe('keyset page() across 25 rows', () => {
      let env: EnvironmentRow;
      let all: string[];
      let orgs: string[];
      beforeAll(async () => {
        env = await newEnv(store);
        all = [];
        for (let i = 0; i < 25; i++) {
          // Every third root is organization-owned; created_at runs backwards so only the id can order them.
          const row = await newIntegration(store, env.id, `p${String(i).padStart(2, '0')}`, i % 3 === 0 ? 'organization' : 'user', { created_at: at(100 - i) });
          all.push(row.id);
        }
        orgs = all.filter((_, i) => i % 3 === 0);
        expect([...all].sort()).toEqual(all);
        // Another environment's rows never show up.
        const noise = await newEnv(store);
        for (let i = 0; i < 3; i++) await newIntegration(store, noise.id, `p${String(i).padStart(2, '0')}`, 'user');
      });
      const desc = () => [...all].reverse();

      it('asc: first, middle and last pages', async () => {
        let r = await store.integrations.page(env.id, page({ order: 'asc' }));
        expect(ids(r.rows)).toEqual(all.slice(0, 10));
        expect([r.hasMore, r.hasPrevious]).toEqual([true, false]);
        r = await store.integrations.page(env.id, page({ order: 'asc', after: all[9]! }));
        expect(ids(r.rows)).toEqual(all.slice(10, 20));
        expect([r.hasMore, r.hasPrevious]).toEqual([true, true]);
        r = await store.integrations.page(env.id, page({ order: 'asc', after: all[19]! }));
        expect(ids(r.rows)).toEqual(all.slice(20, 25));
        expect([r.hasMore, r.hasPrevious]).toEqual([false, true]);
        r = await store.integrations.page(env.id, page({ order: 'asc', after: all[24]! }));
        expect(ids(r.rows)).toEqual([]);
        expect(r.hasMore).toBe(false);
      });

      it('asc: exactly `limit` remaining rows means no more', async () => {
        const r = await store.integrations.page(env.id, page({ order: 'asc', after: all[14]! }));
        expect(ids(r.rows)).toEqual(all.slice(15, 25));
        expect([r.hasMore, r.hasPrevious]).toEqual([false, true]);
        const whole = await store.integrations.page(env.id, page({ order: 'asc', limit: 25 }));
        expect(ids(whole.rows)).toEqual(all);
        expect([whole.hasMore, whole.hasPrevious]).toEqual([false, false]);
        const over = await store.integrations.page(env.id, page({ order: 'asc', limit: 24 }));
        expect(ids(over.rows)).toEqual(all.slice(0, 24));
        expect(over.hasMore).toBe(true);
      });

      it('desc: newest first, then older pages', async () => {
        let r = await store.integrations.page(env.id, page({ order: 'desc' }));
        expect(ids(r.rows)).toEqual(desc().slice(0, 10));
        expect([r.hasMore, r.hasPrevious]).toEqual([true, false]);
        r = await store.integrations.page(env.id, page({ order: 'desc', after: all[15]! }));
        expect(ids(r.rows)).toEqual(all.slice(5, 15).reverse());
        expect([r.hasMore, r.hasPrevious]).toEqual([true, true]);
        r = await store.integrations.page(env.id, page({ order: 'desc', after: all[5]! }));
        expect(ids(r.rows)).toEqual(all.slice(0, 5).reverse());
        expect([r.hasMore, r.hasPrevious]).toEqual([false, true]);
      });

      it('before walks backwards and returns the page in the requested order', async () => {
        let r = await store.integrations.page(env.id, page({ order: 'asc', before: all[20]! }));
        expect(ids(r.rows)).toEqual(all.slice(10, 20));
        expect([r.hasMore, r.hasPrevious]).toEqual([true, true]);
        r = await store.integrations.page(env.id, page({ order: 'asc', before: all[10]! }));
        expect(ids(r.rows)).toEqual(all.slice(0, 10));
        expect([r.hasMore, r.hasPrevious]).toEqual([true, false]);
        r = await store.integrations.page(env.id, page({ order: 'asc', before: all[5]! }));
        expect(ids(r.rows)).toEqual(all.slice(0, 5));
        expect([r.hasMore, r.hasPrevious]).toEqual([true, false]);
        r = await store.integrations.page(env.id, page({ order: 'desc', before: all[5]! }));
        expect(ids(r.rows)).toEqual(all.slice(6, 16).reverse());
        expect([r.hasMore, r.hasPrevious]).toEqual([true, true]);
        r = await store.integrations.page(env.id, page({ order: 'desc', before: all[19]! }));
        expect(ids(r.rows)).toEqual(all.slice(20, 25).reverse());
        expect([r.hasMore, r.hasPrevious]).toEqual([true, false]);
      });

      it('after and before together bound both ends', async () => {
        const r = await store.integrations.page(env.id, page({ order: 'asc', after: all[2]!, before: all[8]! }));
        expect(ids(r.rows)).toEqual(all.slice(3, 8));
        const d = await store.integrations.page(env.id, page({ order: 'desc', after: all[8]!, before: all[2]! }));
        expect(ids(d.rows)).toEqual(all.slice(3, 8).reverse());
      });

      it('filters by ownership before paging', async () => {
        expect(orgs).toHaveLength(9);
        let r = await store.integrations.page(env.id, page({ order: 'asc', ownership: 'organization', limit: 4 }));
        expect(ids(r.rows)).toEqual(orgs.slice(0, 4));
        expect([r.hasMore, r.hasPrevious]).toEqual([true, false]);
        r = await store.integrations.page(env.id, page({ order: 'asc', ownership: 'organization', limit: 4, after: orgs[3]! }));
        expect(ids(r.rows)).toEqual(orgs.slice(4, 8));
        expect(r.hasMore).toBe(true);
        r = await store.integrations.page(env.id, page({ order: 'asc', ownership: 'organization', limit: 4, after: orgs[7]! }));
        expect(ids(r.rows)).toEqual(orgs.slice(8));
        expect(r.hasMore).toBe(false);
        r = await store.integrations.page(env.id, page({ order: 'desc', ownership: 'organization', limit: 4, before: orgs[4]! }));
        expect(ids(r.rows)).toEqual(orgs.slice(5, 9).reverse());
        expect(r.hasPrevious).toBe(false);
        const users = await store.integrations.page(env.id, page({ order: 'asc', ownership: 'user', limit: 100 }));
        expect(ids(users.rows)).toEqual(all.filter((_, i) => i % 3 !== 0));
        expect(users.hasMore).toBe(false);
      });
    });

    it('deleting an integration removes its connected accounts and nothing else', async () => {
      const env = await newEnv(store);
      const doomed = await newIntegration(store, env.id, 'doomed');
      const kept = await newIntegration(store, env.id, 'kept');
      const a1 = accountRow(doomed, 'u|user_1|', 'compatibility');
      const a2 = accountRow(doomed, 'u|user_1|', 'standard');
      const a3 = accountRow(doomed, 'o|org_1', 'compatibility');
      const k1 = accountRow(kept, 'u|user_1|', 'compatibility');
      for (const a of [a1, a2, a3, k1]) await store.accounts.insert(a);
      await store.integrations.delete(doomed.id);
      expect(await store.integrations.bySlug(env.id, 'doomed', 'user')).toBeNull();
      for (const a of [a1, a2, a3]) expect(await store.accounts.byId(doomed.id, a.id)).toBeNull();
      const left = await store.db.selectFrom('connected_accounts').select('id').where('environment_id', '=', env.id).execute();
      expect(ids(left)).toEqual([k1.id]);
      expect(await store.integrations.bySlug(env.id, 'kept', 'user')).toEqual(kept);
    });

    it('an account cannot reference a missing integration', async () => {
      const env = await newEnv(store);
      const ghost = integrationRow(env.id, 'ghost');
      await expect(store.accounts.insert(accountRow(ghost, 'u|user_1|', 'compatibility'))).rejects.toThrow(/foreign key/i);
    });
  });

  describe('custom providers', () => {
    it('inserts, finds by slug, lists, updates, counts users and deletes; the slug is unique per environment', async () => {
      const env = await newEnv(store);
      const acme = customProviderRow(env.id, 'acme');
      await store.customProviders.insert(acme);
      await store.customProviders.insert(customProviderRow(env.id, 'zeta'));
      expect(await store.customProviders.bySlug(env.id, 'acme')).toEqual(acme);
      expect(await store.customProviders.bySlug(env.id, 'nope')).toBeNull();
      await expect(store.customProviders.insert(customProviderRow(env.id, 'acme'))).rejects.toThrow(UNIQUE);
      expect((await store.customProviders.listAll(env.id)).map((r) => r.slug).sort()).toEqual(['acme', 'zeta']);

      await store.customProviders.update(acme.id, JSON.stringify({ name: 'Acme 2' }), at(7));
      expect(await store.customProviders.bySlug(env.id, 'acme')).toEqual({ ...acme, definition: JSON.stringify({ name: 'Acme 2' }), updated_at: at(7) });

      expect(await store.integrations.countByCustomProvider(acme.id)).toBe(0);
      const user = await newIntegration(store, env.id, 'acme', 'user', { custom_provider_id: acme.id });
      await newIntegration(store, env.id, 'acme', 'organization', { custom_provider_id: acme.id });
      expect(await store.integrations.countByCustomProvider(acme.id)).toBe(2);
      // Still referenced: the foreign key refuses the delete on both engines.
      await expect(store.customProviders.delete(acme.id)).rejects.toThrow(/foreign key/i);
      expect(await store.customProviders.bySlug(env.id, 'acme')).not.toBeNull();

      await store.integrations.delete(user.id);
      expect(await store.integrations.countByCustomProvider(acme.id)).toBe(1);
      await store.integrations.delete((await store.integrations.bySlug(env.id, 'acme', 'organization'))!.id);
      await store.customProviders.delete(acme.id);
      expect(await store.customProviders.bySlug(env.id, 'acme')).toBeNull();
      expect((await store.customProviders.listAll(env.id)).map((r) => r.slug)).toEqual(['zeta']);
    });
  });

  describe('organization configurations', () => {
    it('are unique per (environment, organization, slug)', async () => {
      const env = await newEnv(store);
      const row = orgConfigRow(env.id, 'org_1', 'gitlab', { enabled: 1, scopes: '["read"]' });
      await store.orgConfigurations.insert(row);
      await expect(store.orgConfigurations.insert(orgConfigRow(env.id, 'org_1', 'gitlab'))).rejects.toThrow(UNIQUE);
      await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_2', 'gitlab'));
      await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_1', 'slack'));
      const other = await newEnv(store);
      await store.orgConfigurations.insert(orgConfigRow(other.id, 'org_1', 'gitlab'));
      expect(await store.orgConfigurations.get(env.id, 'org_1', 'gitlab')).toEqual(row);
      expect(await store.orgConfigurations.get(env.id, 'org_3', 'gitlab')).toBeNull();
      expect((await store.orgConfigurations.listForOrganization(env.id, 'org_1')).map((r) => r.slug).sort()).toEqual(['gitlab', 'slack']);
    });

    it('update, delete and deleteForSlug touch only their rows', async () => {
      const env = await newEnv(store);
      const a = orgConfigRow(env.id, 'org_1', 'gitlab');
      const b = orgConfigRow(env.id, 'org_2', 'gitlab');
      const c = orgConfigRow(env.id, 'org_1', 'slack');
      for (const r of [a, b, c]) await store.orgConfigurations.insert(r);
      await store.orgConfigurations.update(a.id, { client_id: 'cid', client_secret: 'v1:k:iv:body', client_secret_last4: 'body', updated_at: at(9) });
      expect(await store.orgConfigurations.get(env.id, 'org_1', 'gitlab')).toEqual({ ...a, client_id: 'cid', client_secret: 'v1:k:iv:body', client_secret_last4: 'body', updated_at: at(9) });
      await store.orgConfigurations.delete(c.id);
      expect(await store.orgConfigurations.get(env.id, 'org_1', 'slack')).toBeNull();
      expect(await store.orgConfigurations.get(env.id, 'org_2', 'gitlab')).toEqual(b);

      const other = await newEnv(store);
      await store.orgConfigurations.insert(orgConfigRow(other.id, 'org_1', 'gitlab'));
      await store.orgConfigurations.deleteForSlug(env.id, 'gitlab');
      expect(await store.orgConfigurations.listForOrganization(env.id, 'org_1')).toEqual([]);
      expect(await store.orgConfigurations.listForOrganization(env.id, 'org_2')).toEqual([]);
      expect(await store.orgConfigurations.get(other.id, 'org_1', 'gitlab')).not.toBeNull();
    });
  });

  describe('connected accounts', () => {
    let env: EnvironmentRow;
    let integ: IntegrationRow;
    let second: IntegrationRow;
    beforeAll(async () => {
      env = await newEnv(store);
      integ = await newIntegration(store, env.id, 'github');
      second = await newIntegration(store, env.id, 'slack');
    });

    it('allows only ONE compatibility row per (integration, owner) but several standard ones', async () => {
      const owner = 'u|user_c|';
      const s1 = accountRow(integ, owner, 'standard');
      const s2 = accountRow(integ, owner, 'standard');
      const c1 = accountRow(integ, owner, 'compatibility');
      for (const a of [s1, s2, c1]) await store.accounts.insert(a);
      const s3 = accountRow(integ, owner, 'standard');
      await store.accounts.insert(s3);
      await expect(store.accounts.insert(accountRow(integ, owner, 'compatibility'))).rejects.toThrow(UNIQUE);
      // The index is per (integration, owner): other owners and other integrations have their own slot.
      await store.accounts.insert(accountRow(integ, 'u|user_c|org_1', 'compatibility'));
      await store.accounts.insert(accountRow(integ, 'o|org_1', 'compatibility'));
      await store.accounts.insert(accountRow(second, owner, 'compatibility'));
      expect(await store.accounts.compatibility(integ.id, owner)).toEqual(c1);
      // Demoting the compatibility row frees the slot.
      await store.accounts.update(c1.id, { connection_role: 'standard', updated_at: at(1) });
      expect(await store.accounts.compatibility(integ.id, owner)).toBeNull();
      const c2 = accountRow(integ, owner, 'compatibility');
      await store.accounts.insert(c2);
      expect((await store.accounts.compatibility(integ.id, owner))?.id).toBe(c2.id);
      // Promoting a standard row while another compatibility row exists is refused too.
      await expect(store.accounts.update(s1.id, { connection_role: 'compatibility' })).rejects.toThrow(UNIQUE);
    });

    it('forOwner lists compatibility first, then standard rows by id', async () => {
      const owner = 'u|user_order|';
      const s1 = accountRow(integ, owner, 'standard');
      const s2 = accountRow(integ, owner, 'standard');
      const c = accountRow(integ, owner, 'compatibility');
      const s3 = accountRow(integ, owner, 'standard');
      for (const a of [s2, c, s3, s1]) await store.accounts.insert(a);
      await store.accounts.insert(accountRow(integ, 'u|user_order|org_9', 'compatibility'));
      await store.accounts.insert(accountRow(second, owner, 'standard'));
      expect(ids(await store.accounts.forOwner(integ.id, owner))).toEqual([c.id, s1.id, s2.id, s3.id]);
      expect(await store.accounts.forOwner(integ.id, 'u|nobody|')).toEqual([]);
      expect((await store.accounts.byId(integ.id, s2.id))?.id).toBe(s2.id);
      expect(await store.accounts.byId(second.id, s2.id)).toBeNull();
    });

    it('forOwnerAcross spans integrations, optionally compatibility only', async () => {
      const owner = 'o|org_across';
      const third = await newIntegration(store, env.id, 'notion');
      const a = accountRow(integ, owner, 'standard');
      const b = accountRow(second, owner, 'compatibility');
      const c = accountRow(integ, owner, 'compatibility');
      const d = accountRow(third, owner, 'compatibility');
      const e = accountRow(second, owner, 'standard');
      for (const r of [a, b, c, d, e]) await store.accounts.insert(r);
      await store.accounts.insert(accountRow(integ, 'o|org_other', 'compatibility'));
      expect(ids(await store.accounts.forOwnerAcross([integ.id, second.id], owner, false))).toEqual([b.id, c.id, a.id, e.id]);
      expect(ids(await store.accounts.forOwnerAcross([integ.id, second.id], owner, true))).toEqual([b.id, c.id]);
      expect(ids(await store.accounts.forOwnerAcross([integ.id, second.id, third.id], owner, true))).toEqual([b.id, c.id, d.id]);
      expect(await store.accounts.forOwnerAcross([], owner, false)).toEqual([]);
    });

    it('update patches columns and delete removes exactly one row', async () => {
      const owner = 'u|user_upd|';
      const a = accountRow(integ, owner, 'compatibility');
      const b = accountRow(integ, owner, 'standard');
      await store.accounts.insert(a);
      await store.accounts.insert(b);
      await store.accounts.update(a.id, { state: 'needs_reauthorization', access_token: 'v1:k:iv:body', expires_at: at(60), updated_at: at(2) });
      expect(await store.accounts.byId(integ.id, a.id)).toEqual({ ...a, state: 'needs_reauthorization', access_token: 'v1:k:iv:body', expires_at: at(60), updated_at: at(2) });
      await store.accounts.delete(a.id);
      expect(await store.accounts.byId(integ.id, a.id)).toBeNull();
      expect(await store.accounts.byId(integ.id, b.id)).toEqual(b);
    });
  });

  describe('events', () => {
    let env: EnvironmentRow;
    let rows: EventRow[];
    beforeAll(async () => {
      env = await newEnv(store);
      rows = [];
      const names = ['connection.activated', 'connection.deactivated', 'connection.activated', 'connection.reauthorization_needed'];
      for (let i = 0; i < 12; i++) {
        const row = eventRow(env.id, names[i % 4]!, i % 2 === 0 ? 'org_even' : i % 3 === 0 ? 'org_three' : null, at(i * 10));
        await store.events.insert(row);
        rows.push(row);
      }
      const other = await newEnv(store);
      await store.events.insert(eventRow(other.id, 'connection.activated', 'org_even', at(5)));
    });
    const q = (over: Partial<Parameters<Store['events']['page']>[1]> = {}) => ({
      names: [] as string[],
      organizationId: null,
      rangeStart: null,
      rangeEnd: null,
      after: null,
      before: null,
      order: 'asc' as const,
      limit: 100,
      ...over,
    });
    const pick = (pred: (r: EventRow, i: number) => boolean) => rows.filter(pred).map((r) => r.id);

    it('pages in id order with hasMore', async () => {
      let r = await store.events.page(env.id, q({ limit: 5 }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(0, 5)));
      expect(r.hasMore).toBe(true);
      r = await store.events.page(env.id, q({ limit: 5, after: rows[4]!.id }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(5, 10)));
      expect(r.hasMore).toBe(true);
      r = await store.events.page(env.id, q({ limit: 5, after: rows[9]!.id }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(10)));
      expect(r.hasMore).toBe(false);
      r = await store.events.page(env.id, q({ limit: 12 }));
      expect(r.rows).toHaveLength(12);
      expect(r.hasMore).toBe(false);
    });

    it('orders desc, with after going to older events and before to newer ones', async () => {
      let r = await store.events.page(env.id, q({ order: 'desc', limit: 3 }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(9).reverse()));
      expect(r.hasMore).toBe(true);
      r = await store.events.page(env.id, q({ order: 'desc', limit: 3, after: rows[9]!.id }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(6, 9).reverse()));
      r = await store.events.page(env.id, q({ order: 'desc', before: rows[8]!.id }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(9).reverse()));
      r = await store.events.page(env.id, q({ order: 'asc', before: rows[3]!.id }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(0, 3)));
    });

    it('filters by names, organization and [rangeStart, rangeEnd)', async () => {
      let r = await store.events.page(env.id, q({ names: ['connection.activated'] }));
      expect(ids(r.rows)).toEqual(pick((e) => e.event === 'connection.activated'));
      expect(r.rows).toHaveLength(6);
      r = await store.events.page(env.id, q({ names: ['connection.deactivated', 'connection.reauthorization_needed'] }));
      expect(ids(r.rows)).toEqual(pick((e) => e.event !== 'connection.activated'));
      r = await store.events.page(env.id, q({ organizationId: 'org_three' }));
      expect(ids(r.rows)).toEqual(pick((_, i) => i % 2 !== 0 && i % 3 === 0));
      expect(r.rows).toHaveLength(2);
      r = await store.events.page(env.id, q({ rangeStart: at(30), rangeEnd: at(70) }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(3, 7)));
      r = await store.events.page(env.id, q({ rangeStart: at(31) }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(4)));
      r = await store.events.page(env.id, q({ names: ['connection.activated'], organizationId: 'org_even', rangeStart: at(20), order: 'desc', limit: 2 }));
      expect(ids(r.rows)).toEqual(pick((e, i) => e.event === 'connection.activated' && i % 2 === 0 && i >= 2).reverse().slice(0, 2));
      expect(r.hasMore).toBe(true);
      r = await store.events.page(env.id, q({ names: ['no.such.event'] }));
      expect(r.rows).toEqual([]);
      expect(r.hasMore).toBe(false);
    });

    it('purgeBefore deletes older events only', async () => {
      const e = await newEnv(store);
      const old = eventRow(e.id, 'connection.activated', null, at(0));
      const fresh = eventRow(e.id, 'connection.activated', null, at(100));
      await store.events.insert(old);
      await store.events.insert(fresh);
      await store.events.purgeBefore(at(50));
      expect(ids((await store.events.page(e.id, q())).rows)).toEqual([fresh.id]);
    });
  });

  describe('idempotency keys', () => {
    it('claims once, completes, releases and can be claimed again', async () => {
      const env = await newEnv(store);
      const row = idemRow(env.id, 'POST /data-integrations', 'key-1');
      expect(await store.idempotency.claim(row)).toBe(true);
      expect(await store.idempotency.claim({ ...row, body_hash: 'other-hash' })).toBe(false);
      expect(await store.idempotency.get(env.id, row.route, row.idempotency_key)).toEqual(row);

      await store.idempotency.complete(env.id, row.route, row.idempotency_key, 201, '{"ok":true}');
      expect(await store.idempotency.get(env.id, row.route, row.idempotency_key)).toEqual({ ...row, status: 201, response: '{"ok":true}' });
      expect(await store.idempotency.claim(row)).toBe(false);

      await store.idempotency.release(env.id, row.route, row.idempotency_key);
      expect(await store.idempotency.get(env.id, row.route, row.idempotency_key)).toBeNull();
      expect(await store.idempotency.claim({ ...row, body_hash: 'hash-2' })).toBe(true);
      expect((await store.idempotency.get(env.id, row.route, row.idempotency_key))?.body_hash).toBe('hash-2');
    });

    it('keys are scoped by environment and route', async () => {
      const a = await newEnv(store);
      const b = await newEnv(store);
      expect(await store.idempotency.claim(idemRow(a.id, 'POST /x', 'same'))).toBe(true);
      expect(await store.idempotency.claim(idemRow(b.id, 'POST /x', 'same'))).toBe(true);
      expect(await store.idempotency.claim(idemRow(a.id, 'POST /y', 'same'))).toBe(true);
      expect(await store.idempotency.claim(idemRow(a.id, 'POST /x', 'same'))).toBe(false);
      await store.idempotency.release(a.id, 'POST /x', 'same');
      expect(await store.idempotency.get(a.id, 'POST /x', 'same')).toBeNull();
      expect(await store.idempotency.get(b.id, 'POST /x', 'same')).not.toBeNull();
      expect(await store.idempotency.get(a.id, 'POST /y', 'same')).not.toBeNull();
    });

    it('concurrent claims of one key: exactly one wins', async () => {
      const env = await newEnv(store);
      const results = await Promise.all(Array.from({ length: 8 }, () => store.idempotency.claim(idemRow(env.id, 'POST /race', 'k'))));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('purgeBefore removes old claims only', async () => {
      const env = await newEnv(store);
      await store.idempotency.claim(idemRow(env.id, 'POST /p', 'old', { created_at: at(0) }));
      await store.idempotency.claim(idemRow(env.id, 'POST /p', 'new', { created_at: at(100) }));
      await store.idempotency.purgeBefore(at(50));
      expect(await store.idempotency.get(env.id, 'POST /p', 'old')).toBeNull();
      expect(await store.idempotency.get(env.id, 'POST /p', 'new')).not.toBeNull();
    });
  });

  describe('transactions (§23)', () => {
    it('commits every write of the callback and returns its value', async () => {
      const env = envRow();
      const result = await store.transaction(async (tx) => {
        await tx.environments.insert(env);
        await tx.integrations.insert(integrationRow(env.id, 'committed'));
        // Reads inside see the transaction's own writes.
        expect((await tx.integrations.bySlug(env.id, 'committed', 'user'))?.slug).toBe('committed');
        return 42;
      });
      expect(result).toBe(42);
      expect(await store.environments.byId(env.id)).toEqual(env);
      expect((await store.integrations.bySlug(env.id, 'committed', 'user'))?.slug).toBe('committed');
    });

    it('rolls back everything when the callback throws', async () => {
      const existing = await newEnv(store);
      const env = envRow();
      const integ = integrationRow(env.id, 'rolled-back');
      const boom = new Error('boom after writes');
      await expect(
        store.transaction(async (tx) => {
          await tx.environments.insert(env);
          await tx.integrations.insert(integ);
          await tx.accounts.insert(accountRow(integ, 'u|user_1|', 'compatibility'));
          await tx.events.insert(eventRow(env.id, 'connection.activated', null, T0));
          await tx.environments.update(existing.id, { name: `${existing.name}-renamed` });
          await tx.idempotency.claim(idemRow(existing.id, 'POST /tx', 'k'));
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await store.environments.byId(env.id)).toBeNull();
      expect(await store.integrations.byRedirectKey(integ.redirect_key)).toBeNull();
      expect(await count(store, 'connected_accounts', env.id)).toBe(0);
      expect(await count(store, 'events', env.id)).toBe(0);
      expect(await store.environments.byId(existing.id)).toEqual(existing);
      expect(await store.idempotency.get(existing.id, 'POST /tx', 'k')).toBeNull();
    });

    it('a failed statement inside aborts the transaction and undoes the earlier writes', async () => {
      const env = await newEnv(store);
      const taken = await newIntegration(store, env.id, 'taken');
      const before = await count(store, 'data_integrations', env.id);
      const fresh = integrationRow(env.id, 'fresh');
      await expect(
        store.transaction(async (tx) => {
          await tx.integrations.insert(fresh);
          await tx.integrations.update(taken.id, { description: 'changed inside' });
          await tx.integrations.insert(integrationRow(env.id, 'taken')); // violates (environment, slug, ownership)
          await tx.integrations.update(taken.id, { description: 'never reached' });
        }),
      ).rejects.toThrow(UNIQUE);
      expect(await store.integrations.bySlug(env.id, 'fresh', 'user')).toBeNull();
      expect(await store.integrations.bySlug(env.id, 'taken', 'user')).toEqual(taken);
      expect(await count(store, 'data_integrations', env.id)).toBe(before);
    });

    it('a nested transaction joins the outer one: an outer failure undoes the inner writes', async () => {
      const env = envRow();
      await expect(
        store.transaction(async (tx) => {
          await tx.transaction(async (inner) => {
            await inner.environments.insert(env);
          });
          throw new Error('outer fails after inner finished');
        }),
      ).rejects.toThrow('outer fails');
      expect(await store.environments.byId(env.id)).toBeNull();
    });

    it('the store stays usable after a rolled-back transaction', async () => {
      await expect(store.transaction(async () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
      const env = await newEnv(store);
      expect(await store.environments.byId(env.id)).toEqual(env);
    });
  });

  describe('environment isolation', () => {
    it("rows of environment A are invisible through environment B's queries", async () => {
      const a = await newEnv(store);
      const b = await newEnv(store);
      const integA = await newIntegration(store, a.id, 'shared-slug', 'user');
      await newIntegration(store, a.id, 'only-in-a', 'organization');
      await store.customProviders.insert(customProviderRow(a.id, 'acme-a'));
      await store.orgConfigurations.insert(orgConfigRow(a.id, 'org_1', 'shared-slug'));
      await store.events.insert(eventRow(a.id, 'connection.activated', 'org_1', T0));
      await store.idempotency.claim(idemRow(a.id, 'POST /x', 'k'));
      await store.apiKeys.insert(apiKeyRow(a.id));
      await store.accounts.insert(accountRow(integA, 'u|user_1|', 'compatibility'));

      expect(await store.integrations.bySlug(b.id, 'shared-slug', 'user')).toBeNull();
      expect(await store.integrations.bySlug(b.id, 'only-in-a', 'organization')).toBeNull();
      expect(await store.integrations.allBySlug(b.id, 'shared-slug')).toEqual([]);
      expect(await store.integrations.listAll(b.id)).toEqual([]);
      const p = await store.integrations.page(b.id, page({ limit: 100 }));
      expect(p.rows).toEqual([]);
      expect(p.hasMore).toBe(false);
      expect(await store.customProviders.bySlug(b.id, 'acme-a')).toBeNull();
      expect(await store.customProviders.listAll(b.id)).toEqual([]);
      expect(await store.orgConfigurations.get(b.id, 'org_1', 'shared-slug')).toBeNull();
      expect(await store.orgConfigurations.listForOrganization(b.id, 'org_1')).toEqual([]);
      expect((await store.events.page(b.id, { names: [], organizationId: null, rangeStart: null, rangeEnd: null, after: null, before: null, order: 'asc', limit: 100 })).rows).toEqual([]);
      expect(await store.idempotency.get(b.id, 'POST /x', 'k')).toBeNull();
      expect(await store.apiKeys.list(b.id)).toEqual([]);

      // B's own rows with the same names are independent and do not leak back into A.
      const integB = await newIntegration(store, b.id, 'shared-slug', 'user');
      expect((await store.integrations.bySlug(b.id, 'shared-slug', 'user'))?.id).toBe(integB.id);
      expect((await store.integrations.bySlug(a.id, 'shared-slug', 'user'))?.id).toBe(integA.id);
      expect(ids(await store.integrations.listAll(a.id)).sort()).not.toContain(integB.id);
      expect(await store.accounts.forOwner(integB.id, 'u|user_1|')).toEqual([]);
      expect(await store.accounts.forOwnerAcross([integB.id], 'u|user_1|', false)).toEqual([]);
    });
  });

  describe('migrations (§23)', () => {
    it('running migrateToLatest again is a no-op that keeps the data', async () => {
      const env = await newEnv(store);
      const integ = await newIntegration(store, env.id, 'survives-migrate');
      const recorded = async () =>
        (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db)).rows.map((r) => r.name);
      expect(await recorded()).toEqual(Object.keys(MIGRATIONS));
      expect(await migrateToLatest(store.db)).toEqual([]);
      expect(await migrateToLatest(store.db)).toEqual([]);
      expect(await recorded()).toEqual(Object.keys(MIGRATIONS));
      expect(await store.integrations.bySlug(env.id, 'survives-migrate', 'user')).toEqual(integ);
    });
  });
});

describe('migrations on a fresh SQLite file', () => {
  it('the first run applies every migration in order, the second and a reopen apply nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openpipes-migrate-'));
    try {
      const target = { kind: 'sqlite' as const, path: join(dir, 'fresh.db') };
      let handle = openDatabase(target);
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(MIGRATIONS));
      expect(await migrateToLatest(handle.db)).toEqual([]);
      await handle.db.insertInto('environments').values(envRow({ name: 'kept' })).execute();
      await handle.close();
      handle = openDatabase(target);
      expect(await migrateToLatest(handle.db)).toEqual([]);
      expect((await handle.db.selectFrom('environments').select('name').execute()).map((r) => r.name)).toEqual(['kept']);
      await handle.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
