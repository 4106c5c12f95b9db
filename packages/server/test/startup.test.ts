import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';
import { Keyring, KeyringError, secretContext } from '../src/crypto/keyring.ts';
import { ID_PREFIX, newId } from '../src/ids.ts';
import { loadKeyring, openStore } from '../src/main.ts';
import { SEALED_COLUMNS, referencedKeyIds } from '../src/store/key-usage.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS, type TestDialect } from './support/dialects.ts';
import { createTestDatabase } from './support/postgres.ts';

/** security.md §14: a keyring that cannot open what is stored stops start-up with a clear message. */

const T0 = '2025-01-01T00:00:00.000Z';
const silent = { info: () => undefined, warn: () => undefined };

const spec = (kid: string) => Keyring.generateKeySpec(kid);

const tempDirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'openpipes-startup-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/** A Config for a fresh database of the dialect, built by loadConfig as main.ts would. */
async function freshConfig(dialect: TestDialect): Promise<{ config: Config; drop: () => Promise<void> }> {
  const dir = tempDir();
  if (dialect === 'sqlite') {
    const config = loadConfig({ OPENPIPES_DATABASE_URL: join(dir, 'startup.db'), OPENPIPES_DATA_DIR: dir, NODE_ENV: 'test' }, dir);
    expect(config.database).toEqual({ kind: 'sqlite', path: join(dir, 'startup.db') });
    return { config, drop: async () => undefined };
  }
  const db = await createTestDatabase();
  const config = loadConfig({ OPENPIPES_DATABASE_URL: db.url, OPENPIPES_DATA_DIR: dir, NODE_ENV: 'test' }, dir);
  expect(config.database.kind).toBe('postgres');
  return { config, drop: db.drop };
}

type SealedColumn = (typeof SEALED_COLUMNS)[number];

/** security.md §13's secret columns: client secrets, access/refresh tokens, API-key secrets. */
const SECRET_COLUMNS: readonly SealedColumn[] = [
  ['data_integrations', 'client_secret'],
  ['org_configurations', 'client_secret'],
  ['connected_accounts', 'access_token'],
  ['connected_accounts', 'refresh_token'],
  ['connected_accounts', 'api_key'],
  ['connected_accounts', 'client_secret'],
];

/** Writes one environment, integration and connection; `column` (if any) gets a value sealed by `keyring`. */
async function seedSealed(store: Store, keyring: Keyring, column: SealedColumn | null): Promise<{ environmentId: string; rowId: string; plaintext: string }> {
  const environmentId = newId(ID_PREFIX.environment);
  await store.environments.insert({ id: environmentId, name: `env-${environmentId}`, production: 0, allowed_return_origins: '[]', confirmation_screen: 1, created_at: T0, updated_at: T0 });
  const integrationId = newId(ID_PREFIX.integration);
  const orgConfigId = newId(ID_PREFIX.orgConfiguration);
  const accountId = newId(ID_PREFIX.installation);
  const plaintext = `secret-${Math.random().toString(36).slice(2)}`;
  const rowId = column === null ? integrationId : column[0] === 'data_integrations' ? integrationId : column[0] === 'org_configurations' ? orgConfigId : accountId;
  const sealedFor = (table: string, col: string) =>
    column !== null && column[0] === table && column[1] === col ? keyring.seal(plaintext, secretContext(environmentId, table, col, rowId)) : null;

  await store.integrations.insert({
    id: integrationId,
    environment_id: environmentId,
    slug: 'github',
    ownership: 'user',
    description: null,
    enabled: 1,
    scopes: null,
    auth_method: 'oauth',
    config: '{}',
    credentials_type: 'custom',
    client_id: 'cid',
    client_secret: sealedFor('data_integrations', 'client_secret'),
    client_secret_last4: null,
    redirect_key: newId(ID_PREFIX.redirectKey),
    custom_provider_id: null,
    created_at: T0,
    updated_at: T0,
  });
  await store.orgConfigurations.insert({
    id: orgConfigId,
    environment_id: environmentId,
    slug: 'github',
    organization_id: 'org_1',
    enabled: null,
    scopes: null,
    config: null,
    client_id: null,
    client_secret: sealedFor('org_configurations', 'client_secret'),
    client_secret_last4: null,
    created_at: T0,
    updated_at: T0,
  });
  await store.accounts.insert({
    id: accountId,
    environment_id: environmentId,
    integration_id: integrationId,
    owner_type: 'user',
    user_id: 'user_1',
    organization_id: null,
    owner_key: 'u|user_1|',
    connection_role: 'compatibility',
    auth_method: 'oauth',
    state: 'connected',
    scopes: '[]',
    account_identifier: null,
    account_display_name: null,
    access_token: sealedFor('connected_accounts', 'access_token'),
    refresh_token: sealedFor('connected_accounts', 'refresh_token'),
    expires_at: null,
    api_key: sealedFor('connected_accounts', 'api_key'),
    api_key_last4: null,
    client_id: null,
    client_secret: sealedFor('connected_accounts', 'client_secret'),
    client_secret_last4: null,
    config: '{}',
    metadata: null,
    refresh_lock_until: null,
    created_at: T0,
    updated_at: T0,
  });
  return { environmentId, rowId, plaintext };
}

/** The error openStore rejects with; a store it opens instead is closed and the test fails. */
const refused = async (config: Config, keyring: Keyring): Promise<Error> => {
  const result = await openStore(config, keyring).then(
    (opened) => opened,
    (e: Error) => e,
  );
  if (result instanceof Error) return result;
  await result.close();
  throw new Error(`openStore accepted a keyring with only ${keyring.kids().join(', ')}`);
};

describe.each(DIALECTS)('openStore refuses a keyring that cannot open the stored secrets (§14) on %s', (dialect) => {
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const d of drops.splice(0)) await d();
  });
  const fresh = async () => {
    const r = await freshConfig(dialect);
    drops.push(r.drop);
    return r.config;
  };

  it('an empty database opens with any keyring and references no key ids', async () => {
    const config = await fresh();
    const { store, close } = await openStore(config, Keyring.parse(spec('anything')));
    try {
      expect([...(await referencedKeyIds(store))]).toEqual([]);
    } finally {
      await close();
    }
  });

  it('after sealing with k1: a ring without k1 is refused naming k1, [k2,k1] opens, [k1] alone opens', async () => {
    const config = await fresh();
    const k1 = spec('k1');
    const k2 = spec('k2');
    const ring1 = Keyring.parse(k1);
    let seeded: Awaited<ReturnType<typeof seedSealed>>;
    {
      const { store, close } = await openStore(config, ring1);
      seeded = await seedSealed(store, ring1, ['data_integrations', 'client_secret']);
      expect([...(await referencedKeyIds(store))]).toEqual(['k1']);
      await close();
    }

    const e = await refused(config, Keyring.parse(k2));
    expect(e).toBeInstanceOf(KeyringError);
    expect(e.message).toMatch(/\bk1\b/);
    expect(e.message).toContain('OPENPIPES_ENCRYPTION_KEYS');
    expect(e.message).not.toMatch(/\bk2\b/);

    const rotated = Keyring.parse(`${k2},${k1}`);
    const { store, close } = await openStore(config, rotated);
    try {
      const row = await store.integrations.bySlug(seeded.environmentId, 'github', 'user');
      expect(rotated.open(row!.client_secret!, secretContext(seeded.environmentId, 'data_integrations', 'client_secret', row!.id))).toBe(seeded.plaintext);
      expect(rotated.seal('new', 'ad').startsWith('v1:k2:')).toBe(true);
    } finally {
      await close();
    }
    const again = await openStore(config, Keyring.parse(k1));
    await again.close();
  });

  it('the start-up check covers every secret column', () => {
    expect([...SEALED_COLUMNS].map((c) => c.join('.')).sort()).toEqual(SECRET_COLUMNS.map((c) => c.join('.')).sort());
  });

  it.each(SECRET_COLUMNS.map((c) => [`${c[0]}.${c[1]}`, c] as const))('a k1 ciphertext only in %s is enough to refuse start-up', async (_name, column) => {
    const config = await fresh();
    const ring1 = Keyring.parse(spec('k1'));
    {
      const { store, close } = await openStore(config, ring1);
      await seedSealed(store, ring1, column);
      await close();
    }
    const e = await refused(config, Keyring.parse(spec('k2')));
    expect(e).toBeInstanceOf(KeyringError);
    expect(e.message).toMatch(/\bk1\b/);
    const ok = await openStore(config, Keyring.parse(`${spec('k2')},${spec('k1')}`));
    await ok.close();
  });

  it('names every missing key id, including long ones with - and _', async () => {
    const config = await fresh();
    const longKid = 'k_2024-11-archive_0123456789abcd';
    expect(longKid).toHaveLength(32);
    const old = Keyring.parse(spec(longKid));
    const mid = Keyring.parse(spec('k1'));
    {
      const { store, close } = await openStore(config, old);
      await seedSealed(store, old, ['connected_accounts', 'access_token']);
      await seedSealed(store, mid, ['connected_accounts', 'refresh_token']);
      expect([...(await referencedKeyIds(store))].sort()).toEqual([longKid, 'k1'].sort());
      await close();
    }
    const e = await refused(config, Keyring.parse(spec('k3')));
    expect(e.message).toContain(longKid);
    expect(e.message).toMatch(/\bk1\b/);
    const partial = await refused(config, Keyring.parse(`${spec('k3')},${spec('k1')}`));
    expect(partial.message).toContain(longKid);
    expect(partial.message).not.toMatch(/\bk1\b/);
  });
});

describe('loadKeyring', () => {
  it('reports a bad OPENPIPES_ENCRYPTION_KEYS as a ConfigError naming the variable', () => {
    const dir = tempDir();
    const config = loadConfig({ OPENPIPES_ENCRYPTION_KEYS: 'k1:tooshort', OPENPIPES_DATA_DIR: dir }, dir);
    let error: unknown;
    try {
      loadKeyring(config, silent);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.startsWith('OPENPIPES_ENCRYPTION_KEYS')).toBe(true);
    expect((error as ConfigError).message).toMatch(/32 bytes/);
  });

  it('uses the given keys, primary first; without them creates a key file once and reuses it', () => {
    const dir = tempDir();
    const k = `${spec('primary')},${spec('older')}`;
    const ring = loadKeyring(loadConfig({ OPENPIPES_ENCRYPTION_KEYS: k, OPENPIPES_DATA_DIR: dir }, dir), silent);
    expect(ring.kids()).toEqual(['primary', 'older']);
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => warnings.push(m) };
    const noKeys = loadConfig({ OPENPIPES_DATA_DIR: join(dir, 'data') }, dir);
    const first = loadKeyring(noKeys, log);
    const second = loadKeyring(noKeys, log);
    expect(second.kids()).toEqual(first.kids());
    expect(second.open(first.seal('x', 'ad'), 'ad')).toBe('x');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('created now');
    expect(warnings[1]).not.toContain('created now');
  });
});

describe('loadConfig', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tempDir();
  });

  const configError = (env: Record<string, string>): ConfigError => {
    try {
      loadConfig(env, cwd);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return e as ConfigError;
    }
    throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
  };

  const bad: [string, Record<string, string>][] = [
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '-1' }],
    ['PORT', { PORT: '80.5' }],
    ['OPENPIPES_DATABASE_URL', { OPENPIPES_DATABASE_URL: 'mysql://x' }],
    ['OPENPIPES_DATABASE_URL', { OPENPIPES_DATABASE_URL: 'sqlite:' }],
    ['OPENPIPES_DATABASE_URL', { OPENPIPES_DATABASE_URL: 'postgres://[::1' }],
    ['OPENPIPES_API_KEY', { OPENPIPES_API_KEY: 'short' }],
    ['OPENPIPES_API_KEY', { OPENPIPES_API_KEY: `pk_${'x'.repeat(40)}` }],
    ['OPENPIPES_PUBLIC_URL', { OPENPIPES_PUBLIC_URL: 'ftp://x' }],
    ['OPENPIPES_PUBLIC_URL', { OPENPIPES_PUBLIC_URL: 'https://pipes.example.com/?a=1' }],
    ['OPENPIPES_PUBLIC_URL', { OPENPIPES_PUBLIC_URL: 'not a url' }],
    ['OPENPIPES_ALLOWED_RETURN_ORIGINS', { OPENPIPES_ALLOWED_RETURN_ORIGINS: 'not-a-url' }],
    ['OPENPIPES_ALLOWED_RETURN_ORIGINS', { OPENPIPES_ALLOWED_RETURN_ORIGINS: 'https://ok.example.com,https://app.example.com/path' }],
    ['OPENPIPES_ALLOWED_RETURN_ORIGINS', { OPENPIPES_ALLOWED_RETURN_ORIGINS: 'javascript://x' }],
    ['OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS', { OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'yes' }],
    ['OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS', { OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: '1' }],
    ['OPENPIPES_ENCRYPTION_KEYS', { NODE_ENV: 'production' }],
    ['OPENPIPES_ENCRYPTION_KEYS', { NODE_ENV: 'production', OPENPIPES_ENCRYPTION_KEYS: '   ' }],
  ];
  it.each(bad)('%s: %j throws a ConfigError whose message starts with the variable', (variable, env) => {
    const e = configError(env);
    expect(e.variable).toBe(variable);
    expect(e.message.startsWith(`${variable}:`)).toBe(true);
    expect(e.message.length).toBeGreaterThan(variable.length + 5);
  });

  it('has the documented defaults', () => {
    const c = loadConfig({}, cwd);
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe(resolve(cwd, 'data'));
    expect(c.database).toEqual({ kind: 'sqlite', path: join(resolve(cwd, 'data'), 'openpipes.db') });
    expect(c.publicUrl).toBe('http://127.0.0.1:8080');
    expect(c.encryptionKeys).toBeNull();
    expect(c.apiKey).toBeNull();
    expect(c.allowedReturnOrigins).toEqual([]);
    expect(c.allowInsecureProviderUrls).toBe(false);
    expect(c.production).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('derives the SQLite path from the data dir and the public URL from host and port', () => {
    const dataDir = join(cwd, 'elsewhere');
    let c = loadConfig({ OPENPIPES_DATA_DIR: dataDir, PORT: '9090', HOST: '0.0.0.0' }, cwd);
    expect(c.database).toEqual({ kind: 'sqlite', path: join(dataDir, 'openpipes.db') });
    expect(c.port).toBe(9090);
    expect(c.publicUrl).toBe('http://0.0.0.0:9090');
    c = loadConfig({ HOST: '::1' }, cwd);
    expect(c.publicUrl).toBe('http://[::1]:8080');
    c = loadConfig({ OPENPIPES_PUBLIC_URL: 'https://pipes.example.com/base/' }, cwd);
    expect(c.publicUrl).toBe('https://pipes.example.com/base');
  });

  it('accepts the database URL forms', () => {
    expect(loadConfig({ OPENPIPES_DATABASE_URL: 'db/x.db' }, cwd).database).toEqual({ kind: 'sqlite', path: resolve(cwd, 'db/x.db') });
    expect(loadConfig({ OPENPIPES_DATABASE_URL: 'sqlite:rel.db' }, cwd).database).toEqual({ kind: 'sqlite', path: resolve(cwd, 'rel.db') });
    expect(loadConfig({ OPENPIPES_DATABASE_URL: '/abs/path.db' }, cwd).database).toEqual({ kind: 'sqlite', path: '/abs/path.db' });
    expect(loadConfig({ OPENPIPES_DATABASE_URL: 'postgres://u@h:5432/db' }, cwd).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
    expect(loadConfig({ OPENPIPES_DATABASE_URL: 'postgresql://u@h/db' }, cwd).database.kind).toBe('postgres');
  });

  it('parses the valid values of every variable', () => {
    const key = `sk_test_${'a'.repeat(40)}`;
    const keys = spec('k1');
    const c = loadConfig(
      {
        NODE_ENV: 'production',
        OPENPIPES_ENCRYPTION_KEYS: ` ${keys} `,
        OPENPIPES_API_KEY: key,
        OPENPIPES_ALLOWED_RETURN_ORIGINS: 'https://app.example.com, http://localhost:3000/',
        OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'true',
      },
      cwd,
    );
    expect(c.production).toBe(true);
    expect(c.encryptionKeys).toBe(keys);
    expect(c.apiKey).toBe(key);
    expect(c.allowedReturnOrigins).toEqual(['https://app.example.com', 'http://localhost:3000']);
    expect(c.allowInsecureProviderUrls).toBe(true);
    expect(loadConfig({ OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'false' }, cwd).allowInsecureProviderUrls).toBe(false);
  });
});

/** Bugs found by this suite and fixed; each stays as a regression test. */
const FIXED_BUGS: { file: string; behaviour: string; expected: string; check: (dialect: TestDialect, config: Config) => Promise<void> }[] = [
  {
    file: 'src/store/key-usage.ts (SEALED_COLUMNS / referencedKeyIds), used by src/main.ts openStore',
    behaviour:
      'LATENT (no built-in or custom provider declares a secret config field today, but the catalog schema allows `secret: true`): secret config values are sealed inside the JSON `config` columns (src/integrations/sealed-config.ts sealConfig, for data_integrations and org_configurations) but referencedKeyIds only scans the six secret columns, so a config secret sealed with a key that is no longer in the keyring passes start-up and fails later at run time',
    expected: 'openStore rejects with a message naming the missing kid when only a sealed config value references it (security.md §14)',
    check: async (_dialect, config) => {
      const ring1 = Keyring.parse(spec('k1'));
      {
        const { store, close } = await openStore(config, ring1);
        const { environmentId } = await seedSealed(store, ring1, null);
        const row = (await store.integrations.bySlug(environmentId, 'github', 'user'))!;
        const sealedValue = ring1.seal('config-secret', secretContext(environmentId, 'data_integrations', 'config.api_token', row.id));
        await store.integrations.update(row.id, { config: JSON.stringify({ api_token: sealedValue }) });
        await close();
      }
      const e = await refused(config, Keyring.parse(spec('k2')));
      expect(e.message).toMatch(/\bk1\b/);
    },
  },
];

describe.each(DIALECTS)('regressions on %s', (dialect) => {
  for (const bug of FIXED_BUGS) {
    it(bug.expected, async () => {
      const { config, drop } = await freshConfig(dialect);
      try {
        await bug.check(dialect, config);
      } finally {
        await drop();
      }
    });
  }
});

describe('OPENPIPES_REFRESH_MARGIN_SECONDS', () => {
  it('defaults to 5 minutes, takes seconds, and refuses anything else naming the variable', () => {
    expect(loadConfig({}, '/tmp').refreshMarginMs).toBe(300_000);
    expect(loadConfig({ OPENPIPES_REFRESH_MARGIN_SECONDS: '60' }, '/tmp').refreshMarginMs).toBe(60_000);
    for (const bad of ['-1', '1.5', 'soon', '90000']) {
      expect(() => loadConfig({ OPENPIPES_REFRESH_MARGIN_SECONDS: bad }, '/tmp')).toThrow(/^OPENPIPES_REFRESH_MARGIN_SECONDS: /);
    }
  });
});
