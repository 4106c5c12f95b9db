import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigField } from '../src/catalog/provider-definition.ts';
import {
  ConfigError,
  KNOWN_VARIABLE_PREFIXES,
  KNOWN_VARIABLES,
  loadConfig,
  unknownVariableWarnings,
  type Config,
} from '../src/app/config.ts';
import { openModeWarnings } from '../src/app/file-modes.ts';
import { loadOrCreateKeyFile } from '../src/crypto/key-file.ts';
import { Keyring, KeyringError, secretContext } from '../src/crypto/keyring.ts';
import { userOwner } from '../src/domain/owner.ts';
import { ID_PREFIX, newId } from '../src/core/ids.ts';
import { loadKeyring, openStore } from '../src/app/main.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { SEALED_COLUMNS } from '../src/store/key-usage.ts';
import type { Database } from '../src/store/schema.ts';
import { Store } from '../src/store/store.ts';
import { DIALECTS, type TestDialect } from './support/dialects.ts';
import { createTestDatabase } from './support/postgres.ts';

/** docs/security.md §14: a keyring that cannot open what is stored stops start-up with a clear message. */

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

const secretField = (name: string): ConfigField => ({
  name,
  label: name,
  description: `The ${name}.`,
  scope: 'integration',
  pattern: '^.+$',
  required: false,
  secret: true,
});

/** docs/security.md §13's secret columns: client secrets, access/refresh tokens, API-key secrets. */
const SECRET_COLUMNS: readonly SealedColumn[] = [
  ['data_integrations', 'client_secret'],
  ['org_configurations', 'client_secret'],
  ['connected_accounts', 'access_token'],
  ['connected_accounts', 'refresh_token'],
  ['connected_accounts', 'api_key'],
  ['connected_accounts', 'client_secret'],
  ['webhook_endpoints', 'secret'],
];

/** Runs `fn` on a second handle to the config's (already migrated) database, then closes it. */
async function withDatabase<T>(config: Config, fn: (handle: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const handle = openDatabase(config.database);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** The raw value of one column of one row (a sealed column, or a JSON config), as it is at rest. */
async function atRestOn(
  db: Kysely<Database>,
  [table, column]: SealedColumn | [SealedColumn[0], 'config'],
  rowId: string,
): Promise<string | null> {
  const { rows } = await sql<{ v: string | null }>`select ${sql.ref(column)} as v from ${sql.table(table)} where id = ${rowId}`.execute(db);
  expect(rows).toHaveLength(1);
  return rows[0]!.v;
}
const atRest = (config: Config, column: Parameters<typeof atRestOn>[1], rowId: string): Promise<string | null> =>
  withDatabase(config, ({ db }) => atRestOn(db, column, rowId));

/**
 * Writes one environment, integration and connection through a store that seals with `keyring`
 * (whatever keyring the running store has); `column` (if any) gets a secret, sealed by the
 * repository to its row.
 */
async function seedSealed(
  config: Config,
  keyring: Keyring,
  column: SealedColumn | null,
): Promise<{ environmentId: string; rowId: string; plaintext: string }> {
  return withDatabase(config, async (handle) => {
    const store = Store.open(handle, keyring);
    const environmentId = newId(ID_PREFIX.environment);
    await store.environments.insert({
      id: environmentId,
      name: `env-${environmentId}`,
      production: false,
      allowed_return_origins: [],
      confirmation_screen: true,
      created_at: T0,
      updated_at: T0,
    });
    const integrationId = newId(ID_PREFIX.integration);
    const orgConfigId = newId(ID_PREFIX.orgConfiguration);
    const accountId = newId(ID_PREFIX.installation);
    const plaintext = `secret-${Math.random().toString(36).slice(2)}`;
    const endpointId = newId(ID_PREFIX.webhookEndpoint);
    const rowIds: Record<SealedColumn[0], string> = {
      data_integrations: integrationId,
      org_configurations: orgConfigId,
      connected_accounts: accountId,
      webhook_endpoints: endpointId,
    };
    const rowId = column === null ? integrationId : rowIds[column[0]];
    const secretFor = (table: string, col: string) => (column !== null && column[0] === table && column[1] === col ? plaintext : null);

    await store.integrations.insert({
      id: integrationId,
      environment_id: environmentId,
      slug: 'github',
      ownership: 'user',
      description: null,
      enabled: true,
      scopes: null,
      auth_method: 'oauth',
      config: { values: {}, fields: [] },
      credentials_type: 'custom',
      client_id: 'cid',
      client_secret: secretFor('data_integrations', 'client_secret'),
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
      client_secret: secretFor('org_configurations', 'client_secret'),
      client_secret_last4: null,
      created_at: T0,
      updated_at: T0,
    });
    await store.accounts.insert(
      {
        id: accountId,
        environment_id: environmentId,
        integration_id: integrationId,
        owner: userOwner('user_1'),
        connection_role: 'compatibility',
        auth_method: 'oauth',
        created_at: T0,
      },
      {
        state: 'connected',
        scopes: [],
        access_token: secretFor('connected_accounts', 'access_token'),
        refresh_token: secretFor('connected_accounts', 'refresh_token'),
        expires_at: null,
        api_key: secretFor('connected_accounts', 'api_key'),
        api_key_last4: null,
        client_id: null,
        client_secret: secretFor('connected_accounts', 'client_secret'),
        client_secret_last4: null,
        config: { values: {}, fields: [] },
        metadata: null,
        updated_at: T0,
      },
    );
    const endpointSecret = secretFor('webhook_endpoints', 'secret');
    if (endpointSecret !== null) {
      await store.webhookEndpoints.insert({
        id: endpointId,
        environment_id: environmentId,
        endpoint_url: 'https://hooks.example.com/in',
        secret: endpointSecret,
        status: 'enabled',
        events: ['pipes.connected_account.connected'],
        created_at: T0,
        updated_at: T0,
      });
    }
    if (column !== null) {
      // What is at rest is a ciphertext of the seeding keyring's primary key, not the plaintext.
      const stored = await atRestOn(handle.db, column, rowId);
      expect(stored?.startsWith(`v1:${keyring.kids()[0]}:`)).toBe(true);
      expect(stored).not.toContain(plaintext);
    }
    return { environmentId, rowId, plaintext };
  });
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
      expect([...(await store.referencedKeyIds())]).toEqual([]);
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
      seeded = await seedSealed(config, ring1, ['data_integrations', 'client_secret']);
      expect([...(await store.referencedKeyIds())]).toEqual(['k1']);
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
      // The k1 ciphertext at rest opens with the rotated ring, in its row's context...
      const sealed = await atRest(config, ['data_integrations', 'client_secret'], row!.id);
      expect(sealed?.startsWith('v1:k1:')).toBe(true);
      expect(rotated.open(sealed!, secretContext(seeded.environmentId, 'data_integrations', 'client_secret', row!.id))).toBe(
        seeded.plaintext,
      );
      // ...and through the store running on that ring.
      expect(row!.client_secret!.open()).toBe(seeded.plaintext);
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

  it.each(SECRET_COLUMNS.map((c) => [`${c[0]}.${c[1]}`, c] as const))(
    'a k1 ciphertext only in %s is enough to refuse start-up',
    async (_name, column) => {
      const config = await fresh();
      const k1 = spec('k1');
      const ring1 = Keyring.parse(k1);
      {
        // Migrate first (openStore), then seed through a store on the same database.
        const { close } = await openStore(config, ring1);
        await seedSealed(config, ring1, column);
        await close();
      }
      const e = await refused(config, Keyring.parse(spec('k2')));
      expect(e).toBeInstanceOf(KeyringError);
      expect(e.message).toMatch(/\bk1\b/);
      const ok = await openStore(config, Keyring.parse(`${spec('k2')},${k1}`));
      await ok.close();
    },
  );

  it('names every missing key id, including long ones with - and _', async () => {
    const config = await fresh();
    const longKid = 'k_2024-11-archive_0123456789abcd';
    expect(longKid).toHaveLength(32);
    const old = Keyring.parse(spec(longKid));
    const mid = Keyring.parse(spec('k1'));
    {
      const { store, close } = await openStore(config, old);
      await seedSealed(config, old, ['connected_accounts', 'access_token']);
      await seedSealed(config, mid, ['connected_accounts', 'refresh_token']);
      expect([...(await store.referencedKeyIds())].sort()).toEqual([longKid, 'k1'].sort());
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

describe.each(DIALECTS)('openStore refuses a different key under a known key id (key-check values, §14) on %s', (dialect) => {
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const d of drops.splice(0)) await d();
  });

  it('k1 is recorded at the first start; another key under k1 is refused naming k1 and where the keys come from', async () => {
    const { config, drop } = await freshConfig(dialect);
    drops.push(drop);
    const a = spec('k1');
    const b = spec('k1');
    await (await openStore(config, Keyring.parse(a))).close();
    const e = await refused(config, Keyring.parse(b));
    expect(e).toBeInstanceOf(KeyringError);
    expect(e.message).toMatch(/\bk1\b/);
    // Key-file mode here: the message names the file and the variable that would replace it.
    expect(e.message).toContain('OPENPIPES_ENCRYPTION_KEYS');
    expect(e.message).toContain(join(config.dataDir, 'encryption-keys'));
    expect(e.message).not.toContain('\n');
    for (const material of [a, b]) expect(e.message).not.toContain(material.slice(3));
    // The right key still opens; a new id next to it is recorded, and a different key under it refused too.
    const k2 = spec('k2');
    await (await openStore(config, Keyring.parse(`${k2},${a}`))).close();
    const e2 = await refused(config, Keyring.parse(`${spec('k2')},${a}`));
    expect(e2.message).toMatch(/\bk2\b/);
    expect(e2.message).not.toMatch(/\bk1\b/);
    await (await openStore(config, Keyring.parse(`${a},${k2}`))).close();
  });

  it('the check value is neither key material nor the same for two keys', async () => {
    const { config, drop } = await freshConfig(dialect);
    drops.push(drop);
    const a = spec('k1');
    await (await openStore(config, Keyring.parse(a))).close();
    const rows = await withDatabase(config, ({ db }) => db.selectFrom('key_checks').selectAll().execute());
    expect(rows.map((r) => r.kid)).toEqual(['k1']);
    const key = Buffer.from(a.slice(3), 'base64');
    expect(rows[0]!.check_value).not.toContain(a.slice(3));
    expect(rows[0]!.check_value).not.toContain(key.toString('base64url'));
    expect(rows[0]!.check_value).not.toContain(key.toString('hex'));
    expect(rows[0]!.check_value).toBe(Keyring.parse(a).checkValue('k1'));
    expect(Keyring.parse(spec('k1')).checkValue('k1')).not.toBe(rows[0]!.check_value);
  });
});

describe('the openpipes binary refuses a different key under a known key id', () => {
  const BIN = resolve(import.meta.dirname, '../bin/openpipes.js');
  const cli = (command: string, dir: string, keys: string) =>
    spawnSync(process.execPath, [BIN, command], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        OPENPIPES_DATA_DIR: dir,
        OPENPIPES_ENCRYPTION_KEYS: keys,
        PORT: '0',
        HOST: '127.0.0.1',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('serve and migrate exit 1 with one line naming OPENPIPES_ENCRYPTION_KEYS and k1', () => {
    const dir = tempDir();
    const a = spec('k1');
    expect(cli('migrate', dir, a).status).toBe(0);
    const b = spec('k1');
    for (const command of ['serve', 'migrate']) {
      const r = cli(command, dir, b);
      expect(r.status, r.stderr).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^openpipes: OPENPIPES_ENCRYPTION_KEYS: key id\(s\) k1 hold a different key/);
      expect(r.stderr).not.toContain(b.slice(3));
    }
    expect(cli('migrate', dir, a).status).toBe(0);
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
    expect(loadConfig({ OPENPIPES_DATABASE_URL: 'postgres://u@h:5432/db' }, cwd).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
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
const FIXED_BUGS: { file: string; behaviour: string; expected: string; check: (dialect: TestDialect, config: Config) => Promise<void> }[] =
  [
    {
      file: 'src/store/key-usage.ts (SEALED_COLUMNS / referencedKeyIds), used by src/app/main.ts openStore',
      behaviour:
        'LATENT (no built-in or custom provider declares a secret config field today, but the catalog schema allows `secret: true`): secret config values are sealed inside the JSON `config` columns (src/store/sealer.ts sealConfig, for data_integrations and org_configurations) but referencedKeyIds only scanned the secret columns, so a config secret sealed with a key that is no longer in the keyring passes start-up and fails later at run time',
      expected:
        'openStore rejects with a message naming the missing kid when only a sealed config value references it (docs/security.md §14)',
      check: async (_dialect, config) => {
        const ring1 = Keyring.parse(spec('k1'));
        {
          const { store, close } = await openStore(config, ring1);
          const { environmentId } = await seedSealed(config, ring1, null);
          const row = (await store.integrations.bySlug(environmentId, 'github', 'user'))!;
          // The repository seals the secret field's value inside the JSON, with ring1.
          await store.integrations.update(row, {
            config: { values: { api_token: 'config-secret' }, fields: [secretField('api_token')] },
            updated_at: T0,
          });
          const stored = await atRest(config, ['data_integrations', 'config'], row.id);
          const sealedValue = (JSON.parse(stored!) as Record<string, string>).api_token!;
          expect(sealedValue.startsWith('v1:k1:')).toBe(true);
          expect(ring1.open(sealedValue, secretContext(environmentId, 'data_integrations', 'config.api_token', row.id))).toBe(
            'config-secret',
          );
          await close();
        }
        const e = await refused(config, Keyring.parse(spec('k2')));
        expect(e.message).toMatch(/\bk1\b/);
      },
    },
    {
      file: 'src/store/key-usage.ts (SEALED_CONFIG_TABLES)',
      behaviour:
        'LATENT: a connection keeps its own installation-scope config in connected_accounts.config, sealing secret fields there too, but only the integrations and organization overrides config columns were scanned at start-up',
      expected:
        'openStore rejects with a message naming the missing kid when only a connection config value references it (docs/security.md §14)',
      check: async (_dialect, config) => {
        const ring1 = Keyring.parse(spec('k1'));
        {
          const { store, close } = await openStore(config, ring1);
          const { environmentId } = await seedSealed(config, ring1, null);
          const integration = (await store.integrations.bySlug(environmentId, 'github', 'user'))!;
          const account = (await store.accounts.compatibility(integration.id, userOwner('user_1').key))!;
          await store.accounts.update(account, {
            config: { values: { tenant_secret: 'config-secret' }, fields: [secretField('tenant_secret')] },
            updated_at: T0,
          });
          const stored = await atRest(config, ['connected_accounts', 'config'], account.id);
          expect((JSON.parse(stored!) as Record<string, string>).tenant_secret!.startsWith('v1:k1:')).toBe(true);
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

describe('OPENPIPES_REFRESH_IN_DOUBT_SECONDS', () => {
  it('defaults to 60 s (the longest Retry-After the WorkOS SDK honours), takes seconds (0: off), refuses anything else naming the variable', () => {
    expect(loadConfig({}, '/tmp').refreshInDoubtMs).toBe(60_000);
    expect(loadConfig({ OPENPIPES_REFRESH_IN_DOUBT_SECONDS: '5' }, '/tmp').refreshInDoubtMs).toBe(5_000);
    expect(loadConfig({ OPENPIPES_REFRESH_IN_DOUBT_SECONDS: '0' }, '/tmp').refreshInDoubtMs).toBe(0);
    for (const bad of ['-1', 'soon', '3601', '1e3']) {
      expect(() => loadConfig({ OPENPIPES_REFRESH_IN_DOUBT_SECONDS: bad }, '/tmp')).toThrow(/^OPENPIPES_REFRESH_IN_DOUBT_SECONDS: /);
    }
  });
});

/** Finding 12 of issue 9: start-up problems are one line naming the variable, never a stack trace. */
describe('start-up messages of the real binary', () => {
  const BIN = resolve(import.meta.dirname, '../bin/openpipes.js');
  const run = (args: string[], extra: Record<string, string>) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        OPENPIPES_DATA_DIR: tempDir(),
        OPENPIPES_ENCRYPTION_KEYS: spec('k1'),
        OPENPIPES_LOG_LEVEL: 'warn',
        ...extra,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, lines: r.stderr.trim().split('\n') };
  };
  const refusedWith = (extra: Record<string, string>, line: RegExp) => {
    const { code, lines } = run(['serve'], extra);
    expect(lines, lines.join('\n')).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(code).toBe(1);
  };

  it('OPENPIPES_LOG_LEVEL=debg: one line naming the variable, the levels and the likely one', () => {
    refusedWith(
      { OPENPIPES_LOG_LEVEL: 'debg' },
      /^openpipes: OPENPIPES_LOG_LEVEL: "debg" is not a log level \(.*\); did you mean "debug"\?$/,
    );
  });

  it('HOST=localhots (does not resolve) and HOST=192.0.2.1 (not ours): one line naming HOST', () => {
    refusedWith({ HOST: 'localhots' }, /^openpipes: HOST: "localhots" does not resolve to an address; /);
    refusedWith({ HOST: '192.0.2.1' }, /^openpipes: HOST: "192\.0\.2\.1" is not an address of this machine; /);
  });

  it('a port already in use: one line naming PORT', async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    try {
      const port = (busy.address() as AddressInfo).port;
      refusedWith({ HOST: '127.0.0.1', PORT: String(port) }, new RegExp(`^openpipes: PORT: 127\\.0\\.0\\.1:${port} is already in use; `));
    } finally {
      busy.close();
    }
  });

  it('warns once per unknown OPENPIPES_* variable, with the closest known name; the variables of the other parts are known', () => {
    const { code, lines } = run(['providers', 'list'], {
      OPENPIPES_ALLOW_INSECURE_PROVIDER_URL: 'true',
      OPENPIPES_FROBNICATE: '1',
      OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '100',
      OPENPIPES_METRICS: 'true',
      OPENPIPES_METRICS_TOKEN: 'scrape-token-0123456789',
      OPENPIPES_TEST_PG: 'on',
      OPENPIPES_TEST_RUN: 'r1',
    });
    expect(code).toBe(0);
    expect(lines).toEqual([
      'warning: OPENPIPES_ALLOW_INSECURE_PROVIDER_URL is not a variable OpenPipes reads; it is ignored (did you mean OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS?)',
      'warning: OPENPIPES_FROBNICATE is not a variable OpenPipes reads; it is ignored',
    ]);
  });
});

describe('known variables', () => {
  it('every OPENPIPES_* variable config.ts reads is in KNOWN_VARIABLES (or a known family)', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../src/app/config.ts'), 'utf8');
    // A family prefix (`'OPENPIPES_RATE_LIMIT_'`) ends with `_`: not a variable itself.
    const read = new Set(source.match(/OPENPIPES_[A-Z0-9_]*/g)?.filter((name) => !name.endsWith('_')));
    expect(read.size).toBeGreaterThan(10);
    const unknown = [...read].filter((v) => !KNOWN_VARIABLES.includes(v) && !KNOWN_VARIABLE_PREFIXES.some((p) => v.startsWith(p)));
    expect(unknown).toEqual([]);
    expect(unknownVariableWarnings(Object.fromEntries([...read].map((v) => [v, 'x'])))).toEqual([]);
  });

  it('every OPENPIPES_* variable the tests and scripts read is known', () => {
    const used = ['OPENPIPES_TEST_PG', 'OPENPIPES_TEST_PG_URL', 'OPENPIPES_TEST_RUN', 'OPENPIPES_TEST_SLOW_SUITES_RAN_ON'];
    used.push('OPENPIPES_UPDATE_SCREENSHOTS', 'OPENPIPES_CHROMIUM');
    expect(unknownVariableWarnings(Object.fromEntries(used.map((v) => [v, 'x'])))).toEqual([]);
  });
});

describe('HTTP timeouts', () => {
  it('default to 30 s per request, 10 s for headers, 72 s keep-alive; take seconds; refuse nonsense naming the variable', () => {
    expect(loadConfig({}, '/tmp').httpTimeouts).toEqual({ requestMs: 30_000, headersMs: 10_000, keepAliveMs: 72_000 });
    expect(
      loadConfig(
        { OPENPIPES_REQUEST_TIMEOUT_SECONDS: '5', OPENPIPES_HEADERS_TIMEOUT_SECONDS: '2.5', OPENPIPES_KEEP_ALIVE_TIMEOUT_SECONDS: '65' },
        '/tmp',
      ).httpTimeouts,
    ).toEqual({ requestMs: 5_000, headersMs: 2_500, keepAliveMs: 65_000 });
    // A short request deadline takes the default headers deadline down with it.
    expect(loadConfig({ OPENPIPES_REQUEST_TIMEOUT_SECONDS: '4' }, '/tmp').httpTimeouts.headersMs).toBe(4_000);
    expect(() => loadConfig({ OPENPIPES_REQUEST_TIMEOUT_SECONDS: '5', OPENPIPES_HEADERS_TIMEOUT_SECONDS: '6' }, '/tmp')).toThrow(
      /^OPENPIPES_HEADERS_TIMEOUT_SECONDS: must not exceed OPENPIPES_REQUEST_TIMEOUT_SECONDS/,
    );
    for (const name of ['OPENPIPES_REQUEST_TIMEOUT_SECONDS', 'OPENPIPES_HEADERS_TIMEOUT_SECONDS', 'OPENPIPES_KEEP_ALIVE_TIMEOUT_SECONDS']) {
      for (const bad of ['0', '-1', 'soon', '7200']) expect(() => loadConfig({ [name]: bad }, '/tmp')).toThrow(new RegExp(`^${name}: `));
    }
  });
});

describe('file modes of the data dir, the key file and the SQLite files (docs/security.md §H)', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('a new data dir is 0700 and the key file 0600', () => {
    const dataDir = join(tempDir(), 'new', 'data');
    const { path } = loadOrCreateKeyFile(dataDir);
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(path).toString(8)).toBe('600');
  });

  it('a new SQLite database: its directory 0700, the file, -wal and -shm 0600; no warning', async () => {
    const dataDir = join(tempDir(), 'fresh');
    const config = loadConfig({ OPENPIPES_DATA_DIR: dataDir, OPENPIPES_ENCRYPTION_KEYS: spec('k1') }, dataDir);
    const handle = openDatabase(config.database);
    try {
      await migrateToLatest(handle.db);
      const path = (config.database as { path: string }).path;
      expect(mode(dataDir).toString(8)).toBe('700');
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file).toString(8), file).toBe('600');
      expect(openModeWarnings(config)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('an existing data dir or file open to others is reported (one line each, naming the path), not changed', () => {
    const dataDir = tempDir();
    const config = loadConfig({ OPENPIPES_DATA_DIR: dataDir }, dataDir);
    const { path: keyFile } = loadOrCreateKeyFile(dataDir);
    chmodSync(dataDir, 0o755);
    chmodSync(keyFile, 0o644);
    const warnings = openModeWarnings(config);
    expect(warnings).toEqual([
      `${dataDir} is open to other users (mode 755); it holds secrets: chmod 700 it`,
      `${keyFile} is open to other users (mode 644); it holds secrets: chmod 600 it`,
    ]);
    expect(mode(keyFile).toString(8)).toBe('644');
  });
});
