import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeyFile } from '../src/crypto/key-file.ts';
import { Keyring, secretContext } from '../src/crypto/keyring.ts';
import type { DatabaseTarget } from '../src/store/database.ts';
import { SEALED_TABLES, type KeyUsage, type SealedTable } from '../src/store/key-usage.ts';
import { type BatchResult, Reencryptor } from '../src/store/reencrypt.ts';
import { Sealer } from '../src/store/sealer.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/store/schema.ts';
import { DIALECTS } from './support/dialects.ts';
import { openTestStore, startHarness, testDatabase } from './support/harness.ts';
import { randomApiKey, randomKeySpec, spawnOpenPipes, type OpenPipesProcess } from './support/openpipes-process.ts';

/**
 * Issue 9, finding 10 (docs/security.md §14, README "Rotating the encryption key"): a new key is
 * learnt by every process, promoted, then `openpipes keys reencrypt` re-seals every stored value
 * under it in batches while two `openpipes serve` processes keep vending; afterwards no value uses
 * the old key, which is removed, and the service starts and vends without it.
 */

const BIN = resolve(import.meta.dirname, '../bin/openpipes.js');
const ACCOUNTS = 200;
const BATCH = 40;
/** Users whose tokens are re-imported through the service while reencrypt runs. */
const WRITTEN = 10;

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'openpipes-rotation-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const databaseUrl = (target: DatabaseTarget): string => (target.kind === 'sqlite' ? target.path : target.url);

/** `openpipes …` as a child process (asynchronous: the test keeps sending vends meanwhile). */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

/** Sealed values per table for one key id. */
const byTable = (usage: KeyUsage[], kid: string): Record<string, number> =>
  Object.fromEntries(usage.filter((u) => u.kid === kid).map((u) => [u.table, u.values]));
const total = (usage: KeyUsage[], kid?: string): number =>
  usage.filter((u) => kid === undefined || u.kid === kid).reduce((n, u) => n + u.values, 0);

/** Everything the service seals, under `keyring`'s primary key: returns the imported access tokens by user. */
async function seed(
  dialect: (typeof DIALECTS)[number],
  target: DatabaseTarget,
  keyring: Keyring,
  accounts = ACCOUNTS,
): Promise<Map<string, string>> {
  const h = await startHarness(dialect, { target, keyring });
  const tokens = new Map<string, string>();
  try {
    const ok = async (method: string, url: string, body: unknown, headers?: Record<string, string>) => {
      const r = await h.request(method, url, body, headers);
      expect(r.status, `${method} ${url}: ${r.text}`).toBeLessThan(300);
      return r;
    };
    await ok('POST', '/data-integrations', {
      provider: 'gitlab',
      enabled: true,
      credentials: { type: 'custom', client_id: 'gitlab-id', client_secret: 'gitlab-client-secret-1234' },
    });
    await ok('POST', '/data-integrations', {
      provider: 'linear',
      ownership: 'organization',
      enabled: true,
      credentials: { type: 'organization' },
    });
    await ok('PUT', '/organizations/org_1/data_integration_configurations/linear', {
      client_id: 'org-id',
      client_secret: 'org-client-secret-5678',
    });
    await ok('POST', '/data-integrations', {
      provider: 'acme-keys',
      auth_methods: ['api_key'],
      enabled: true,
      custom_provider: { name: 'Acme Keys' },
      api_key: { secret: 'acme-tenant-api-key-0001', user_id: 'user_key' },
    });
    await ok('POST', '/webhook_endpoints', { endpoint_url: 'https://hooks.example.com/in', events: ['pipes.connected_account.connected'] });
    // A stored idempotent answer is sealed too.
    await ok(
      'POST',
      '/user_management/users/user_idem/connected_accounts/gitlab',
      { access_token: 'idem-token' },
      { 'idempotency-key': 'rotation-1' },
    );
    for (let i = 0; i < accounts; i++) {
      const token = `at-${i}-${randomBytes(6).toString('hex')}`;
      await ok('POST', `/user_management/users/user_${i}/connected_accounts/gitlab`, { access_token: token });
      tokens.set(`user_${i}`, token);
    }
    return tokens;
  } finally {
    await h.close();
  }
}

/** Sealed values per key id per table, read through a store on the database. */
async function usageOf(dialect: (typeof DIALECTS)[number], target: DatabaseTarget, keyring: Keyring): Promise<KeyUsage[]> {
  const h = await startHarness(dialect, { target, keyring });
  try {
    return await h.store.keyUsage();
  } finally {
    await h.close();
  }
}

describe.each(DIALECTS)('encryption-key rotation under a steady load of vends, two serving processes, on %s', (dialect) => {
  const A = randomKeySpec('ka');
  const B = randomKeySpec('kb');
  const apiKey = randomApiKey();
  const procs: OpenPipesProcess[] = [];
  let database: Awaited<ReturnType<typeof testDatabase>> | undefined;
  let tokens: Map<string, string>;
  let env: (keys: string) => Record<string, string>;
  afterAll(async () => {
    for (const p of procs) await p.stop();
    await database?.cleanup();
  });

  const serve = async (keys: string) => {
    const p = await spawnOpenPipes({ apiKey, env: env(keys) });
    procs.push(p);
    return p;
  };
  const vendOk = async (p: OpenPipesProcess, user: string): Promise<boolean> => {
    const r = await p.request('POST', '/data-integrations/gitlab/token', { user_id: user });
    return r.status === 200 && r.body?.active === true && r.body.access_token?.access_token === tokens.get(user);
  };

  it('seeds, learns kb, promotes it, resumes an interrupted reencrypt, and finishes it while vends and writes run', async () => {
    database = await testDatabase(dialect);
    const target = database.target;
    const dataDir = tempDir();
    env = (keys) => ({
      OPENPIPES_DATABASE_URL: databaseUrl(target),
      OPENPIPES_DATA_DIR: dataDir,
      OPENPIPES_ENCRYPTION_KEYS: keys,
      OPENPIPES_PUBLIC_URL: 'https://pipes.test',
    });
    tokens = await seed(dialect, target, Keyring.parse(A));
    const before = await usageOf(dialect, target, Keyring.parse(A));
    expect(total(before, 'kb')).toBe(0);
    expect(byTable(before, 'ka')).toEqual({
      data_integrations: 1,
      org_configurations: 1,
      connected_accounts: ACCOUNTS + 2,
      webhook_endpoints: 1,
      idempotency_keys: 1,
    });

    // Step 1: every process learns kb, after the primary ka.
    const [p1, p2] = [await serve(`${A},${B}`), await serve(`${A},${B}`)];
    expect(await vendOk(p1!, 'user_1')).toBe(true);
    expect(await vendOk(p2!, 'user_2')).toBe(true);
    // Step 2: kb moves first, one process after the other.
    await p1!.stop();
    const q1 = await serve(`${B},${A}`);
    await p2!.stop();
    const q2 = await serve(`${B},${A}`);
    const status = await cli(['keys', 'status'], env(`${B},${A}`));
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('kb (primary), ka');
    expect(status.stdout).toMatch(/connected_accounts\s+ka\s+202/);

    // An interrupted run: three batches (data_integrations, org_configurations, then BATCH accounts).
    const partial = await cli(['keys', 'reencrypt', '--batch-size', String(BATCH), '--max-batches', '3'], env(`${B},${A}`));
    expect(partial.code, partial.stderr).toBe(0);
    expect(partial.stdout).toContain('run openpipes keys reencrypt again to continue');
    const midway = await usageOf(dialect, target, Keyring.parse(`${B},${A}`));
    expect(byTable(midway, 'kb')).toEqual({ data_integrations: 1, org_configurations: 1, connected_accounts: BATCH });
    expect(total(midway)).toBe(total(before));

    // The load: vends through both processes, and re-imports of WRITTEN users' tokens through the service.
    const counts = { vends: 0, vendFailures: 0, vendsDuringReencrypt: 0, writes: 0, writeFailures: 0 };
    let reencrypting = false;
    let stop = false;
    const written = new Map<string, string>();
    const writeErrors: string[] = [];
    const vendWorker = async (w: number) => {
      for (let i = w; !stop; i += 7) {
        const user = `user_${WRITTEN + (i % (ACCOUNTS - WRITTEN))}`;
        const ok = await vendOk(i % 2 === 0 ? q1 : q2, user).catch(() => false);
        counts.vends++;
        if (reencrypting) counts.vendsDuringReencrypt++;
        if (!ok) counts.vendFailures++;
      }
    };
    const writeWorker = async () => {
      for (let i = 0; !stop; i++) {
        const user = `user_${i % WRITTEN}`;
        const token = `rewritten-${i}-${randomBytes(4).toString('hex')}`;
        const r = await (i % 2 === 0 ? q1 : q2).request('POST', `/user_management/users/${user}/connected_accounts/gitlab`, {
          access_token: token,
        });
        counts.writes++;
        if (r.status === 200) written.set(user, token);
        else {
          counts.writeFailures++;
          writeErrors.push(`${r.status} ${r.text.slice(0, 200)}`);
        }
      }
    };
    const workers = [...Array.from({ length: 6 }, (_, w) => vendWorker(w)), writeWorker()];
    while (counts.vends < 30) await new Promise((r) => setTimeout(r, 20));
    reencrypting = true;
    const run = await cli(['keys', 'reencrypt', '--batch-size', String(BATCH)], env(`${B},${A}`));
    reencrypting = false;
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await Promise.all(workers);
    process.stdout.write(`[key rotation ${dialect}] ${JSON.stringify(counts)}; reencrypt: ${run.stdout.trim()}\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 unreadable value\(s\)/);
    // Progress went to standard error, one line per table (not a terminal here).
    expect(run.stderr).toMatch(/connected_accounts\s+\[#+\] \d+\/\d+/);
    expect(counts.vendsDuringReencrypt).toBeGreaterThan(0);
    expect(counts.vendFailures).toBe(0);
    expect(writeErrors).toEqual([]);
    expect(counts.writes).toBeGreaterThan(0);

    const after = await usageOf(dialect, target, Keyring.parse(`${B},${A}`));
    expect(total(after, 'ka')).toBe(0);
    expect(byTable(after, 'kb')).toEqual(byTable(before, 'ka'));
    // No write made during the run was replaced by a stale value: each user vends its last import.
    for (const [user, token] of written) tokens.set(user, token);
    for (let i = 0; i < WRITTEN; i++) expect(await vendOk(q1, `user_${i}`), `user_${i}`).toBe(true);

    // A finished run leaves no position behind; a second run has nothing to do.
    const again = await cli(['keys', 'reencrypt'], env(`${B},${A}`));
    expect(again.stdout).toContain('Re-sealed 0 row(s)');

    // ka can go: keyring mode says how; the service starts and vends with kb alone.
    const remove = await cli(['keys', 'remove', 'ka'], env(`${B},${A}`));
    expect(remove.code, remove.stderr).toBe(0);
    expect(remove.stdout).toContain('Nothing uses ka any more: take it out of OPENPIPES_ENCRYPTION_KEYS');
    await q1.stop();
    await q2.stop();
    const solo = await serve(B);
    for (let i = 0; i < ACCOUNTS; i += 9) expect(await vendOk(solo, `user_${i}`), `user_${i}`).toBe(true);
    const key = await solo.request('POST', '/data-integrations/acme-keys/credentials', { user_id: 'user_key' });
    expect(key.status, key.text).toBe(200);
    expect(key.text).toContain('acme-tenant-api-key-0001');
  }, 240_000);
});

describe('encryption-key rotation with the key file (openpipes keys add / promote / reencrypt / remove)', () => {
  it('moves every value to the added key, removes the old one, and the service still vends', async () => {
    const dataDir = tempDir();
    const target: DatabaseTarget = { kind: 'sqlite', path: join(dataDir, 'openpipes.db') };
    const env = { OPENPIPES_DATA_DIR: dataDir, OPENPIPES_DATABASE_URL: target.path };
    expect((await cli(['migrate'], env)).code).toBe(0);
    const first = loadOrCreateKeyFile(dataDir).keyring;
    const oldKid = first.primaryKid;
    const tokens = await seed('sqlite', target, first);

    const added = await cli(['keys', 'add'], env);
    expect(added.code, added.stderr).toBe(0);
    const newKid = /Added key (\S+)/.exec(added.stdout)?.[1];
    expect(newKid).toBeDefined();
    expect(newKid).not.toBe(oldKid);
    expect(loadOrCreateKeyFile(dataDir).keyring.kids()).toEqual([oldKid, newKid]);
    // The primary key cannot go; nor can a key that still seals values.
    const primary = await cli(['keys', 'remove', oldKid], env);
    expect(primary.code).toBe(1);
    expect(primary.stderr).toContain(`key ${oldKid} is the primary key`);
    expect((await cli(['keys', 'promote', newKid!], env)).code).toBe(0);
    expect(loadOrCreateKeyFile(dataDir).keyring.kids()).toEqual([newKid, oldKid]);
    const inUse = await cli(['keys', 'remove', oldKid], env);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toMatch(new RegExp(`key ${oldKid} still seals ${ACCOUNTS + 6} value\\(s\\)`));
    const run = await cli(['keys', 'reencrypt'], env);
    expect(run.code, run.stderr).toBe(0);
    const status = await cli(['keys', 'status'], env);
    expect(status.stdout).toContain(`Every sealed value uses the primary key ${newKid}.`);
    expect(status.stdout).not.toMatch(new RegExp(`\\s${oldKid}\\s+\\d`));

    const removed = await cli(['keys', 'remove', oldKid], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(readFileSync(join(dataDir, 'encryption-keys'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(loadOrCreateKeyFile(dataDir).keyring.kids()).toEqual([newKid]);

    const apiKey = randomApiKey();
    const proc = await spawnOpenPipes({ apiKey, env: { ...env, OPENPIPES_PUBLIC_URL: 'https://pipes.test' } });
    try {
      for (const user of ['user_0', 'user_7', `user_${ACCOUNTS - 1}`]) {
        const r = await proc.request('POST', '/data-integrations/gitlab/token', { user_id: user });
        expect(r.body?.access_token?.access_token, r.text).toBe(tokens.get(user));
      }
    } finally {
      await proc.stop();
    }
  }, 120_000);
});

describe.each(DIALECTS)('reencrypt never writes a stale value over one the service changed meanwhile, on %s', (dialect) => {
  it('a row rewritten between the batch read and its update is read again, and the new value is re-sealed', async () => {
    const a = randomKeySpec('ka');
    const b = randomKeySpec('kb');
    const ringA = Keyring.parse(a);
    const ringBA = Keyring.parse(`${b},${a}`);
    const database = await testDatabase(dialect);
    try {
      await seed(dialect, database.target, ringA, 3);
      const { db, close } = await openTestStore(dialect, undefined, ringBA, database.target);
      try {
        const accounts = SEALED_TABLES.find((t) => t.table === 'connected_accounts')!;
        const victim = await db
          .selectFrom('connected_accounts')
          .select(['id', 'environment_id'])
          .where('access_token', 'is not', null)
          .orderBy('id')
          .limit(1)
          .executeTakeFirstOrThrow();
        const context = secretContext(victim.environment_id, 'connected_accounts', 'access_token', victim.id);
        let raced = 0;
        /** The service's write, landing after the batch read the row and before it writes it back. */
        class Racing extends Reencryptor {
          protected override async resealRow(
            trx: Kysely<Database>,
            t: SealedTable,
            row: Record<string, string | null>,
            result: BatchResult,
          ) {
            if (row.id === victim.id && raced++ === 0) {
              await sql`update connected_accounts set access_token = ${ringA.seal('written-meanwhile', context)} where id = ${victim.id}`.execute(
                trx,
              );
            }
            return super.resealRow(trx, t, row, result);
          }
        }
        const result = await new Racing(db, new Sealer(ringBA)).batch(accounts, 10);
        expect(raced).toBe(1);
        // Three imported accounts, the API-key installation and the idempotent import.
        expect(result).toEqual({ rows: 5, resealed: 5, unreadable: 0, conflicts: 0 });
        const stored = await db
          .selectFrom('connected_accounts')
          .select('access_token')
          .where('id', '=', victim.id)
          .executeTakeFirstOrThrow();
        expect(stored.access_token!.startsWith('v1:kb:')).toBe(true);
        // The value written meanwhile, not the one the batch had read.
        expect(ringBA.open(stored.access_token!, context)).toBe('written-meanwhile');
      } finally {
        await close();
      }
    } finally {
      await database.cleanup();
    }
  });
});
