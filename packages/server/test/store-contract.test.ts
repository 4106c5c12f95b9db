import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigField } from '../src/catalog/provider-definition.ts';
import type { AccountChanges, ConnectedAccount, ConnectionRole, NewAccount } from '../src/domain/connected-account.ts';
import type { CustomProviderRecord } from '../src/domain/custom-provider-record.ts';
import type { ApiKey, Environment } from '../src/domain/environment.ts';
import type { StoredEvent } from '../src/domain/event.ts';
import type { IdempotencyRecord } from '../src/domain/idempotency-record.ts';
import type { Integration, NewIntegration, Ownership } from '../src/domain/integration.ts';
import type { NewOrgConfiguration } from '../src/domain/org-configuration.ts';
import { organizationOwner, userOwner, type Owner } from '../src/domain/owner.ts';
import type { Secret } from '../src/domain/secret.ts';
import { StoredConfig } from '../src/domain/stored-config.ts';
import { ID_PREFIX, newId } from '../src/core/ids.ts';
import { openDatabase } from '../src/store/database.ts';
import type { PageQuery } from '../src/store/integrations-repo.ts';
import { MIGRATIONS, migrateToLatest } from '../src/store/migrate.ts';
import type { Database } from '../src/store/schema.ts';
import { Store } from '../src/store/store.ts';
import { DIALECTS } from './support/dialects.ts';
import { openTestStore, testDatabase, testKeyring } from './support/harness.ts';

/**
 * One contract, two engines: every repository behaves the same on SQLite and PostgreSQL
 * (docs/security.md §21–23: constraints, transactions, forward-only migrations). Repositories take and
 * return domain values; where the point is the form at rest (0/1, JSON text, ciphertexts), the
 * raw database is read as well.
 */

const T0 = '2025-01-01T00:00:00.000Z';
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const UNIQUE = /unique/i;

const configField = (name: string, secret: boolean): ConfigField => ({
  name,
  label: name,
  description: `The ${name}.`,
  scope: 'integration',
  pattern: '^.+$',
  required: false,
  secret,
});
/** The config fields every test's configs are read with: one plain, one secret. */
const CONFIG_FIELDS: readonly ConfigField[] = [configField('subdomain', false), configField('api_token', true)];

const isSecret = (v: object): v is Secret => Object.keys(v).length === 1 && typeof (v as { open?: unknown }).open === 'function';

/**
 * A domain value made comparable with toEqual: a secret becomes what it opens to (so it must open
 * with the store's keyring and its row's context), a stored config its values, secret ones opened.
 */
function plain(v: unknown): unknown {
  if (v instanceof StoredConfig) return { config: v.open(CONFIG_FIELDS) };
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    if (isSecret(v)) return { opensTo: v.open() };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}
const plainObject = (v: object): Record<string, unknown> => plain(v) as Record<string, unknown>;
/** What `plain` makes of a secret that opens to `value`. */
const opensTo = (value: string) => ({ opensTo: value });
/** A sealed column at rest: a versioned ciphertext that does not contain the plaintext. */
const expectSealed = (stored: string | null | undefined, plaintext: string) => {
  expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+:/);
  expect(stored).not.toContain(plaintext);
};

let envCounter = 0;
const envRow = (over: Partial<Environment> = {}): Environment => ({
  id: newId(ID_PREFIX.environment),
  name: `env-${++envCounter}-${Math.random().toString(36).slice(2, 8)}`,
  production: false,
  allowed_return_origins: ['https://app.example.com'],
  confirmation_screen: true,
  created_at: T0,
  updated_at: T0,
  ...over,
});

const apiKeyRow = (environmentId: string, over: Partial<ApiKey> = {}): ApiKey => ({
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

const integrationRow = (
  environmentId: string,
  slug: string,
  ownership: Ownership = 'user',
  over: Partial<NewIntegration> = {},
): NewIntegration => ({
  id: newId(ID_PREFIX.integration),
  environment_id: environmentId,
  slug,
  ownership,
  description: null,
  enabled: true,
  scopes: null,
  auth_method: 'oauth',
  config: { values: {}, fields: CONFIG_FIELDS },
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

const customProviderRow = (environmentId: string, slug: string, over: Partial<CustomProviderRecord> = {}): CustomProviderRecord => ({
  id: newId(ID_PREFIX.customProvider),
  environment_id: environmentId,
  slug,
  definition: { name: slug },
  created_at: T0,
  updated_at: T0,
  ...over,
});

const orgConfigRow = (
  environmentId: string,
  organizationId: string,
  slug: string,
  over: Partial<NewOrgConfiguration> = {},
): NewOrgConfiguration => ({
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

/** A connection to create: its identity (id minted now, so ids order by creation) and first values. */
interface AccountSeed {
  id: string;
  environment_id: string;
  account: NewAccount;
  changes: AccountChanges;
}

const accountRow = (
  integration: Pick<NewIntegration, 'id' | 'environment_id' | 'auth_method'>,
  ownerKey: string,
  role: ConnectionRole,
  over: Partial<AccountChanges> = {},
): AccountSeed => {
  const owner: Owner = ownerKey.startsWith('o|')
    ? organizationOwner(ownerKey.slice(2))
    : userOwner(ownerKey.split('|')[1]!, ownerKey.split('|')[2] || null);
  const account: NewAccount = {
    id: newId(ID_PREFIX.installation),
    environment_id: integration.environment_id,
    integration_id: integration.id,
    owner,
    connection_role: role,
    auth_method: integration.auth_method,
    created_at: T0,
  };
  return { id: account.id, environment_id: account.environment_id, account, changes: { state: 'connected', updated_at: T0, ...over } };
};

const insertAccount = (s: Pick<Store, 'accounts'>, seed: AccountSeed): Promise<ConnectedAccount> =>
  s.accounts.insert(seed.account, seed.changes);

const eventRow = (environmentId: string, event: string, organizationId: string | null, createdAt: string): StoredEvent => ({
  id: newId(ID_PREFIX.event),
  environment_id: environmentId,
  event,
  organization_id: organizationId,
  data: { event },
  created_at: createdAt,
});

const idemRow = (environmentId: string, route: string, key: string, over: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  environment_id: environmentId,
  api_key_id: null,
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

async function newEnv(store: Store, over: Partial<Environment> = {}): Promise<Environment> {
  const row = envRow(over);
  await store.environments.insert(row);
  return row;
}

function newIntegration(
  store: Store,
  environmentId: string,
  slug: string,
  ownership: Ownership = 'user',
  over: Partial<NewIntegration> = {},
): Promise<Integration> {
  return store.integrations.insert(integrationRow(environmentId, slug, ownership, over));
}

async function count(
  db: Kysely<Database>,
  table: 'environments' | 'data_integrations' | 'connected_accounts' | 'events' | 'custom_providers' | 'api_keys',
  environmentId?: string,
): Promise<number> {
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n'));
  if (environmentId !== undefined) {
    q = table === 'environments' ? q.where(sql.ref('id'), '=', environmentId) : q.where(sql.ref('environment_id'), '=', environmentId);
  }
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe.each(DIALECTS)('store contract on %s', (dialect) => {
  let store: Store;
  let db: Kysely<Database>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, db, close } = await openTestStore(dialect));
    expect(store.dialect).toBe(dialect);
  });
  afterAll(() => close?.());

  describe('environments and API keys', () => {
    it('inserts an environment and finds it by name and id; the name is unique', async () => {
      const env = await newEnv(store, { production: true, confirmation_screen: false });
      expect(await store.environments.byName(env.name)).toEqual(env);
      expect(await store.environments.byId(env.id)).toEqual(env);
      // At rest: booleans as 0/1, the origins as JSON text, the same on both engines.
      expect(await db.selectFrom('environments').selectAll().where('id', '=', env.id).executeTakeFirst()).toEqual({
        ...env,
        production: 1,
        allowed_return_origins: '["https://app.example.com"]',
        confirmation_screen: 0,
      });
      expect(await store.environments.byName(`${env.name}-missing`)).toBeNull();
      expect(await store.environments.byId(newId(ID_PREFIX.environment))).toBeNull();
      await expect(store.environments.insert(envRow({ name: env.name }))).rejects.toThrow(UNIQUE);
      expect(ids(await store.environments.list())).toContain(env.id);
    });

    it('updates an environment', async () => {
      const env = await newEnv(store);
      await store.environments.update(env.id, { allowed_return_origins: ['https://b.example'], updated_at: at(5) });
      expect(await store.environments.byId(env.id)).toEqual({ ...env, allowed_return_origins: ['https://b.example'], updated_at: at(5) });
      expect(
        (await db.selectFrom('environments').select('allowed_return_origins').where('id', '=', env.id).executeTakeFirst())
          ?.allowed_return_origins,
      ).toBe('["https://b.example"]');
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
      expect(plain(await store.integrations.bySlug(env.id, 'github', 'user'))).toEqual(plain(user));
      expect(plain(await store.integrations.bySlug(env.id, 'github', 'organization'))).toEqual(plain(org));
      expect((await store.integrations.bySlug(env.id, 'github', 'user'))?.client_id).toBe('user-client');
      expect(await store.integrations.bySlug(env.id, 'gitlab', 'user')).toBeNull();
      expect(plain(await store.integrations.byRedirectKey(org.redirect_key))).toEqual(plain(org));
      expect(plain(await store.integrations.byId(org.id))).toEqual(plain(org));
      expect(await store.integrations.byRedirectKey(newId(ID_PREFIX.redirectKey))).toBeNull();
      expect(ids(await store.integrations.allBySlug(env.id, 'github')).sort()).toEqual([user.id, org.id].sort());
    });

    it('rejects a second root with the same (environment, slug, ownership) and a reused redirect key', async () => {
      const env = await newEnv(store);
      const first = await newIntegration(store, env.id, 'slack', 'user');
      await expect(store.integrations.insert(integrationRow(env.id, 'slack', 'user'))).rejects.toThrow(UNIQUE);
      await expect(
        store.integrations.insert(integrationRow(env.id, 'notion', 'user', { redirect_key: first.redirect_key })),
      ).rejects.toThrow(UNIQUE);
      // Same slug, other ownership, and same slug in another environment are fine.
      await newIntegration(store, env.id, 'slack', 'organization');
      const other = await newEnv(store);
      await newIntegration(store, other.id, 'slack', 'user');
      expect(await store.integrations.allBySlug(env.id, 'slack')).toHaveLength(2);
      expect(await store.integrations.allBySlug(other.id, 'slack')).toHaveLength(1);
    });

    it("keeps an integration's own token lifetime: NULL when never set, the number when set, NULL again when cleared", async () => {
      const env = await newEnv(store);
      const row = await newIntegration(store, env.id, 'salesforce', 'user');
      expect(row.token_lifetime_seconds).toBeNull();
      await store.integrations.update(row, { token_lifetime_seconds: 900, updated_at: at(2) });
      expect((await store.integrations.byId(row.id))?.token_lifetime_seconds).toBe(900);
      await store.integrations.update(row, { token_lifetime_seconds: null, updated_at: at(3) });
      expect((await store.integrations.byId(row.id))?.token_lifetime_seconds).toBeNull();
    });

    it('updates a root and lists an environment by slug, optionally per ownership', async () => {
      const env = await newEnv(store);
      const b = await newIntegration(store, env.id, 'bbb', 'user');
      const a = await newIntegration(store, env.id, 'aaa', 'organization');
      const c = await newIntegration(store, env.id, 'aaa', 'user');
      const config = { values: { subdomain: 'acme', api_token: 'config-token-plain' }, fields: CONFIG_FIELDS };
      const updated = await store.integrations.update(b, {
        enabled: false,
        scopes: ['read', 'write'],
        config,
        client_secret: 'client-secret-plain',
        client_secret_last4: 'lain',
        updated_at: at(3),
      });
      const expected = {
        ...plainObject(b),
        enabled: false,
        scopes: ['read', 'write'],
        config: { config: { subdomain: 'acme', api_token: 'config-token-plain' } },
        client_secret: opensTo('client-secret-plain'),
        client_secret_last4: 'lain',
        updated_at: at(3),
      };
      expect(plain(await store.integrations.bySlug(env.id, 'bbb', 'user'))).toEqual(expected);
      expect(plain(updated)).toEqual(expected);
      // At rest: 0/1, JSON text, and the secrets (column and config field) sealed to the row.
      const raw = await db.selectFrom('data_integrations').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
      expect(raw.enabled).toBe(0);
      expect(raw.scopes).toBe('["read","write"]');
      expectSealed(raw.client_secret, 'client-secret-plain');
      const rawConfig = JSON.parse(raw.config) as Record<string, string>;
      expect(Object.keys(rawConfig).sort()).toEqual(['api_token', 'subdomain']);
      expect(rawConfig.subdomain).toBe('acme');
      expectSealed(rawConfig.api_token, 'config-token-plain');
      const all = await store.integrations.listAll(env.id);
      expect(all.map((r) => r.slug)).toEqual(['aaa', 'aaa', 'bbb']);
      expect(new Set(ids(all.slice(0, 2)))).toEqual(new Set([a.id, c.id]));
      expect(ids(await store.integrations.listAll(env.id, 'organization'))).toEqual([a.id]);
      expect(ids(await store.integrations.listAll(env.id, 'user'))).toEqual([c.id, b.id]);
    });

    describe('keyset page() across 25 rows', () => {
      let env: Environment;
      let all: string[];
      let orgs: string[];
      beforeAll(async () => {
        env = await newEnv(store);
        all = [];
        for (let i = 0; i < 25; i++) {
          // Every third root is organization-owned; created_at runs backwards so only the id can order them.
          const row = await newIntegration(store, env.id, `p${String(i).padStart(2, '0')}`, i % 3 === 0 ? 'organization' : 'user', {
            created_at: at(100 - i),
          });
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
      for (const a of [a1, a2, a3, k1]) await insertAccount(store, a);
      await store.integrations.delete(doomed.id);
      expect(await store.integrations.bySlug(env.id, 'doomed', 'user')).toBeNull();
      for (const a of [a1, a2, a3]) expect(await store.accounts.byId(doomed.id, a.id)).toBeNull();
      const left = await db.selectFrom('connected_accounts').select('id').where('environment_id', '=', env.id).execute();
      expect(ids(left)).toEqual([k1.id]);
      expect(plain(await store.integrations.bySlug(env.id, 'kept', 'user'))).toEqual(plain(kept));
    });

    it('an account cannot reference a missing integration', async () => {
      const env = await newEnv(store);
      const ghost = integrationRow(env.id, 'ghost');
      await expect(insertAccount(store, accountRow(ghost, 'u|user_1|', 'compatibility'))).rejects.toThrow(/foreign key/i);
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

      await store.customProviders.update(acme.id, { name: 'Acme 2' }, at(7));
      expect(await store.customProviders.bySlug(env.id, 'acme')).toEqual({ ...acme, definition: { name: 'Acme 2' }, updated_at: at(7) });
      // At rest: the definition is a JSON document.
      const raw = await db.selectFrom('custom_providers').select('definition').where('id', '=', acme.id).executeTakeFirstOrThrow();
      expect(JSON.parse(raw.definition)).toEqual({ name: 'Acme 2' });

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
      const row = await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_1', 'gitlab', { enabled: true, scopes: ['read'] }));
      expect([row.enabled, row.scopes]).toEqual([true, ['read']]);
      await expect(store.orgConfigurations.insert(orgConfigRow(env.id, 'org_1', 'gitlab'))).rejects.toThrow(UNIQUE);
      await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_2', 'gitlab'));
      await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_1', 'slack'));
      const other = await newEnv(store);
      await store.orgConfigurations.insert(orgConfigRow(other.id, 'org_1', 'gitlab'));
      expect(plain(await store.orgConfigurations.get(env.id, 'org_1', 'gitlab'))).toEqual(plain(row));
      const raw = await db
        .selectFrom('org_configurations')
        .select(['enabled', 'scopes'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(raw).toEqual({ enabled: 1, scopes: '["read"]' });
      expect(await store.orgConfigurations.get(env.id, 'org_3', 'gitlab')).toBeNull();
      expect((await store.orgConfigurations.listForOrganization(env.id, 'org_1')).map((r) => r.slug).sort()).toEqual(['gitlab', 'slack']);
    });

    it('update, delete and deleteForSlug touch only their rows', async () => {
      const env = await newEnv(store);
      const a = await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_1', 'gitlab'));
      const b = await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_2', 'gitlab'));
      const c = await store.orgConfigurations.insert(orgConfigRow(env.id, 'org_1', 'slack'));
      const updated = await store.orgConfigurations.update(a, {
        client_id: 'cid',
        client_secret: 'org-secret-plain',
        client_secret_last4: 'lain',
        updated_at: at(9),
      });
      const expected = {
        ...plainObject(a),
        client_id: 'cid',
        client_secret: opensTo('org-secret-plain'),
        client_secret_last4: 'lain',
        updated_at: at(9),
      };
      expect(plain(await store.orgConfigurations.get(env.id, 'org_1', 'gitlab'))).toEqual(expected);
      expect(plain(updated)).toEqual(expected);
      expectSealed(
        (await db.selectFrom('org_configurations').select('client_secret').where('id', '=', a.id).executeTakeFirstOrThrow()).client_secret,
        'org-secret-plain',
      );
      await store.orgConfigurations.delete(c.id);
      expect(await store.orgConfigurations.get(env.id, 'org_1', 'slack')).toBeNull();
      expect(plain(await store.orgConfigurations.get(env.id, 'org_2', 'gitlab'))).toEqual(plain(b));

      const other = await newEnv(store);
      await store.orgConfigurations.insert(orgConfigRow(other.id, 'org_1', 'gitlab'));
      await store.orgConfigurations.deleteForSlug(env.id, 'gitlab');
      expect(await store.orgConfigurations.listForOrganization(env.id, 'org_1')).toEqual([]);
      expect(await store.orgConfigurations.listForOrganization(env.id, 'org_2')).toEqual([]);
      expect(await store.orgConfigurations.get(other.id, 'org_1', 'gitlab')).not.toBeNull();
    });
  });

  describe('connected accounts', () => {
    let env: Environment;
    let integ: Integration;
    let second: Integration;
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
      await insertAccount(store, s1);
      await insertAccount(store, s2);
      const c1Stored = await insertAccount(store, c1);
      expect(c1Stored).toMatchObject({
        id: c1.id,
        environment_id: env.id,
        integration_id: integ.id,
        owner_type: 'user',
        user_id: 'user_c',
        organization_id: null,
        owner_key: owner,
        connection_role: 'compatibility',
        auth_method: 'oauth',
        state: 'connected',
        scopes: [],
        created_at: T0,
        updated_at: T0,
      });
      const s3 = accountRow(integ, owner, 'standard');
      await insertAccount(store, s3);
      await expect(insertAccount(store, accountRow(integ, owner, 'compatibility'))).rejects.toThrow(UNIQUE);
      // The index is per (integration, owner): other owners and other integrations have their own slot.
      await insertAccount(store, accountRow(integ, 'u|user_c|org_1', 'compatibility'));
      await insertAccount(store, accountRow(integ, 'o|org_1', 'compatibility'));
      await insertAccount(store, accountRow(second, owner, 'compatibility'));
      expect(plain(await store.accounts.compatibility(integ.id, owner))).toEqual(plain(c1Stored));
      // Roles are not among a connection's changes (a connection keeps the role it was created
      // with), so the index itself is exercised on the raw table: demoting frees the slot.
      const setRole = (id: string, role: ConnectionRole) =>
        db
          .updateTable('connected_accounts')
          .set({ connection_role: role, updated_at: at(1) })
          .where('id', '=', id)
          .execute();
      await setRole(c1.id, 'standard');
      expect(await store.accounts.compatibility(integ.id, owner)).toBeNull();
      const c2 = accountRow(integ, owner, 'compatibility');
      await insertAccount(store, c2);
      expect((await store.accounts.compatibility(integ.id, owner))?.id).toBe(c2.id);
      // Promoting a standard row while another compatibility row exists is refused too.
      await expect(setRole(s1.id, 'compatibility')).rejects.toThrow(UNIQUE);
    });

    it('forOwner lists compatibility first, then standard rows by id', async () => {
      const owner = 'u|user_order|';
      const s1 = accountRow(integ, owner, 'standard');
      const s2 = accountRow(integ, owner, 'standard');
      const c = accountRow(integ, owner, 'compatibility');
      const s3 = accountRow(integ, owner, 'standard');
      for (const a of [s2, c, s3, s1]) await insertAccount(store, a);
      await insertAccount(store, accountRow(integ, 'u|user_order|org_9', 'compatibility'));
      await insertAccount(store, accountRow(second, owner, 'standard'));
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
      for (const r of [a, b, c, d, e]) await insertAccount(store, r);
      await insertAccount(store, accountRow(integ, 'o|org_other', 'compatibility'));
      expect(ids(await store.accounts.forOwnerAcross([integ.id, second.id], owner, false))).toEqual([b.id, c.id, a.id, e.id]);
      expect(ids(await store.accounts.forOwnerAcross([integ.id, second.id], owner, true))).toEqual([b.id, c.id]);
      expect(ids(await store.accounts.forOwnerAcross([integ.id, second.id, third.id], owner, true))).toEqual([b.id, c.id, d.id]);
      expect(await store.accounts.forOwnerAcross([], owner, false)).toEqual([]);
    });

    it('update patches columns and delete removes exactly one row', async () => {
      const owner = 'u|user_upd|';
      const a = accountRow(integ, owner, 'compatibility');
      const b = accountRow(integ, owner, 'standard');
      const aStored = await insertAccount(store, a);
      const bStored = await insertAccount(store, b);
      const updated = await store.accounts.update(a, {
        state: 'needs_reauthorization',
        access_token: 'access-token-plain',
        expires_at: at(60),
        updated_at: at(2),
      });
      const expected = {
        ...plainObject(aStored),
        state: 'needs_reauthorization',
        access_token: opensTo('access-token-plain'),
        expires_at: at(60),
        updated_at: at(2),
      };
      expect(plain(await store.accounts.byId(integ.id, a.id))).toEqual(expected);
      expect(plain(updated)).toEqual(expected);
      expectSealed(
        (await db.selectFrom('connected_accounts').select('access_token').where('id', '=', a.id).executeTakeFirstOrThrow()).access_token,
        'access-token-plain',
      );
      await store.accounts.delete(a.id);
      expect(await store.accounts.byId(integ.id, a.id)).toBeNull();
      expect(plain(await store.accounts.byId(integ.id, b.id))).toEqual(plain(bStored));
    });
  });

  describe('events', () => {
    let env: Environment;
    let rows: StoredEvent[];
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
    const pick = (pred: (r: StoredEvent, i: number) => boolean) => rows.filter(pred).map((r) => r.id);

    it('pages in id order with hasMore', async () => {
      let r = await store.events.page(env.id, q({ limit: 5 }));
      expect(ids(r.rows)).toEqual(ids(rows.slice(0, 5)));
      // Whole events come back, their data parsed again.
      expect(r.rows).toEqual(rows.slice(0, 5));
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
      r = await store.events.page(
        env.id,
        q({ names: ['connection.activated'], organizationId: 'org_even', rangeStart: at(20), order: 'desc', limit: 2 }),
      );
      expect(ids(r.rows)).toEqual(
        pick((e, i) => e.event === 'connection.activated' && i % 2 === 0 && i >= 2)
          .reverse()
          .slice(0, 2),
      );
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

    it("countSince and oldestSince count one API key's rows since a time, up to the cap; rows of other keys and of none are not counted", async () => {
      const env = await newEnv(store);
      const claim = (key: string, apiKeyId: string | null, t: number) =>
        store.idempotency.claim(idemRow(env.id, 'POST /count', key, { api_key_id: apiKeyId, created_at: at(t) }));
      for (const [i, t] of [0, 10, 20, 30].entries()) await claim(`a${i}`, 'key_a', t);
      await claim('b0', 'key_b', 5);
      await claim('legacy', null, 15); // claimed before rows named their API key
      expect(await store.idempotency.countSince('key_a', at(10), 100)).toBe(3);
      expect(await store.idempotency.countSince('key_a', at(0), 2)).toBe(2);
      expect(await store.idempotency.countSince('key_b', at(0), 100)).toBe(1);
      expect(await store.idempotency.oldestSince('key_a', at(5))).toBe(at(10));
      expect(await store.idempotency.oldestSince('key_b', at(6))).toBeNull();
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
          await insertAccount(tx, accountRow(integ, 'u|user_1|', 'compatibility'));
          await tx.events.insert(eventRow(env.id, 'connection.activated', null, T0));
          await tx.environments.update(existing.id, { confirmation_screen: !existing.confirmation_screen, updated_at: at(1) });
          await tx.idempotency.claim(idemRow(existing.id, 'POST /tx', 'k'));
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await store.environments.byId(env.id)).toBeNull();
      expect(await store.integrations.byRedirectKey(integ.redirect_key)).toBeNull();
      expect(await count(db, 'connected_accounts', env.id)).toBe(0);
      expect(await count(db, 'events', env.id)).toBe(0);
      expect(await store.environments.byId(existing.id)).toEqual(existing);
      expect(await store.idempotency.get(existing.id, 'POST /tx', 'k')).toBeNull();
    });

    it('a failed statement inside aborts the transaction and undoes the earlier writes', async () => {
      const env = await newEnv(store);
      const taken = await newIntegration(store, env.id, 'taken');
      const before = await count(db, 'data_integrations', env.id);
      const fresh = integrationRow(env.id, 'fresh');
      await expect(
        store.transaction(async (tx) => {
          await tx.integrations.insert(fresh);
          await tx.integrations.update(taken, { description: 'changed inside', updated_at: at(1) });
          await tx.integrations.insert(integrationRow(env.id, 'taken')); // violates (environment, slug, ownership)
          await tx.integrations.update(taken, { description: 'never reached', updated_at: at(2) });
        }),
      ).rejects.toThrow(UNIQUE);
      expect(await store.integrations.bySlug(env.id, 'fresh', 'user')).toBeNull();
      expect(plain(await store.integrations.bySlug(env.id, 'taken', 'user'))).toEqual(plain(taken));
      expect(await count(db, 'data_integrations', env.id)).toBe(before);
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
      await insertAccount(store, accountRow(integA, 'u|user_1|', 'compatibility'));

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
      expect(
        (
          await store.events.page(b.id, {
            names: [],
            organizationId: null,
            rangeStart: null,
            rangeEnd: null,
            after: null,
            before: null,
            order: 'asc',
            limit: 100,
          })
        ).rows,
      ).toEqual([]);
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
        (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
      expect(await recorded()).toEqual(Object.keys(MIGRATIONS));
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await recorded()).toEqual(Object.keys(MIGRATIONS));
      expect(plain(await store.integrations.bySlug(env.id, 'survives-migrate', 'user'))).toEqual(plain(integ));
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
      // The raw table, as stored: booleans as 0/1, the origins as JSON text.
      const kept = envRow({ name: 'kept' });
      await handle.db
        .insertInto('environments')
        .values({ ...kept, production: 0, allowed_return_origins: JSON.stringify(kept.allowed_return_origins), confirmation_screen: 1 })
        .execute();
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

describe.each(DIALECTS)('migration 0009 (the API key of an idempotency row) on %s', (dialect) => {
  it('rows stored before it get a NULL api_key_id and count against no key; the count has its index', async () => {
    const { target, cleanup } = await testDatabase(dialect);
    const handle = openDatabase(target);
    try {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => MIGRATIONS } });
      expect((await migrator.migrateTo('0008-key-rotation')).error).toBeUndefined();
      const env = envRow();
      await handle.db
        .insertInto('environments')
        .values({ ...env, production: 0, allowed_return_origins: JSON.stringify(env.allowed_return_origins), confirmation_screen: 1 })
        .execute();
      const { api_key_id: _, ...before } = idemRow(env.id, 'POST /old', 'k', { created_at: new Date().toISOString() });
      await handle.db.insertInto('idempotency_keys').values(before).execute();

      // Later migrations follow; 0009 is the one this test is about.
      expect((await migrateToLatest(handle.db))[0]).toBe('0009-idempotency-api-key');
      const store = Store.open(handle, testKeyring());
      expect(await store.idempotency.get(env.id, 'POST /old', 'k')).toEqual({ ...before, api_key_id: null });
      const indexes =
        dialect === 'sqlite'
          ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'idempotency_keys'`
          : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'idempotency_keys'`;
      expect((await indexes.execute(handle.db)).rows.map((r) => r.name)).toContain('idempotency_keys_api_key_created');
    } finally {
      await handle.close();
      await cleanup();
    }
  });
});
