/**
 * Fills a store with N connected accounts (default 1,000,000) across 50 integrations and 10,000
 * organizations, for `npm run bench -- --seeded DIR`.
 *
 *   npm run bench:seed -- --accounts 1000000 --dir bench-data/1m            # SQLite in DIR
 *   npm run bench:seed -- --accounts 1000000 --dir bench-data/1m-pg --postgres URL
 *
 * The integrations, the bench user's connections and one organization's overrides are made
 * through the API of a real OpenPipes (started on the store, then stopped), so they are what the
 * server writes. The bulk rows are copies of one of those connections, each with its own id,
 * owner and tokens sealed for that row: the associated data binds a ciphertext to its
 * environment, table, column and row (packages/server/src/store/sealer.ts), so no ciphertext can
 * be reused across rows. Rows go in multi-row INSERTs, many statements per transaction.
 * With --postgres, a new database is created on that server and kept (its URL is in the manifest).
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { progressBar } from '../packages/server/src/cli/progress-bar.ts';
import { ID_PREFIX, newId } from '../packages/server/src/core/ids.ts';
import { openDatabase } from '../packages/server/src/store/database.ts';
import type { ConnectedAccountsTable, OrgConfigurationsTable } from '../packages/server/src/store/schema.ts';
import { apiClient, buildFixture, connectUser, createIntegrations, overrideOrganization } from './lib/fixture.ts';
import { scratchDatabase } from './lib/postgres.ts';
import { SealPool } from './lib/seal-pool.ts';
import { PER_USER, type SeedShape } from './lib/seed-rows.ts';
import { start, stop } from './lib/process.ts';
import { writeManifest } from './lib/seed-manifest.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000000' },
    organizations: { type: 'string', default: '10000' },
    integrations: { type: 'string', default: '50' },
    dir: { type: 'string' },
    postgres: { type: 'string' },
    batch: { type: 'string', default: '500' },
    // Row building and sealing runs beside the inserts; one worker per core left to the main thread.
    workers: { type: 'string', default: String(Math.max(1, availableParallelism() - 1)) },
  },
});
const accounts = Number(values.accounts);
const organizations = Number(values.organizations);
const integrationCount = Number(values.integrations);
const dir = resolve(values.dir ?? `bench-data/seed-${accounts}${values.postgres ? '-pg' : ''}`);
mkdirSync(dir, { recursive: true, mode: 0o700 });

const apiKey = `sk_test_bench_${randomBytes(16).toString('hex')}`;
const encryptionKeys = `bench:${randomBytes(32).toString('base64')}`;
const databaseUrl = values.postgres ? (await scratchDatabase(values.postgres)).url : undefined;

// 1. The parts the server writes itself.
const op = await start(
  ['packages/server/bin/openpipes.js', 'serve'],
  {
    PORT: '0',
    OPENPIPES_DATA_DIR: dir,
    OPENPIPES_API_KEY: apiKey,
    OPENPIPES_LOG_LEVEL: 'warn',
    OPENPIPES_ENCRYPTION_KEYS: encryptionKeys,
    OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '1000000000',
    ...(databaseUrl ? { OPENPIPES_DATABASE_URL: databaseUrl } : {}),
  },
  /listening on http:\/\/127\.0\.0\.1:(\d+)/,
);
const call = apiClient(`http://127.0.0.1:${op.port}`, apiKey);
const slugs = await createIntegrations(call, integrationCount);
const fixture = await buildFixture(call, slugs);
// The template rows the bulk copies: a connection and an organization override.
await connectUser(call, 'user_template', 'org_template', [slugs[0]!]);
await overrideOrganization(call, 'org_template', [slugs[0]!]);
await stop(op.child);

// 2. The bulk, straight into the store.
const handle = openDatabase(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', path: resolve(dir, 'openpipes.db') });
const db = handle.db;
const bySlug = new Map((await db.selectFrom('data_integrations').select(['id', 'slug']).execute()).map((r) => [r.slug, r.id]));
const integrationIds = slugs.map((slug) => bySlug.get(slug)!);
const template = await db
  .selectFrom('connected_accounts')
  .selectAll()
  .where('owner_key', '=', 'u|user_template|org_template')
  .executeTakeFirstOrThrow();
const overrideTemplate = await db
  .selectFrom('org_configurations')
  .selectAll()
  .where('organization_id', '=', 'org_template')
  .executeTakeFirstOrThrow();
await db.deleteFrom('connected_accounts').where('id', '=', template.id).execute();
await db.deleteFrom('org_configurations').where('id', '=', overrideTemplate.id).execute();

// SQLite binds at most 32,766 parameters per statement; PostgreSQL 65,535.
const batch = Math.min(Number(values.batch), Math.floor(32_000 / Object.keys(template).length));
const STATEMENTS_PER_TRANSACTION = 20;
const shape: SeedShape = { template, integrationIds, organizations, encryptionKeys };
const pool = new SealPool(Number(values.workers), shape, (e) => {
  process.stderr.write(`sealing worker failed: ${e.stack ?? e.message}\n`);
  process.exit(1);
});

const bar = progressBar(process.stderr);
const began = performance.now();
let waitMs = 0;
// Batches are requested ahead (twice the workers) and inserted in order as they arrive.
const batches = pool.batches(accounts, batch);
for (let done = 0; done < accounts; ) {
  await db.transaction().execute(async (tx) => {
    for (let s = 0; s < STATEMENTS_PER_TRANSACTION && done < accounts; s++) {
      const t = performance.now();
      const rows = (await batches.next()).value as ConnectedAccountsTable[];
      waitMs += performance.now() - t;
      await tx.insertInto('connected_accounts').values(rows).execute();
      done += rows.length;
    }
  });
  bar.update('connected_accounts', done, accounts);
}
bar.end();
await pool.close();
const seconds = (performance.now() - began) / 1000;
process.stdout.write(
  `${accounts} accounts in ${seconds.toFixed(1)} s: ${Math.round(accounts / seconds)} rows/s (${pool.size} sealing worker(s); inserts waited ${(waitMs / 1000).toFixed(1)} s for sealed rows)\n`,
);

// One override per organization, so R1's override lookup runs against 10,000 of them.
const overrides: OrgConfigurationsTable[] = [];
for (let o = 0; o < organizations; o++) {
  overrides.push({
    ...overrideTemplate,
    id: newId(ID_PREFIX.orgConfiguration),
    organization_id: `org_${o}`,
    slug: slugs[o % slugs.length]!,
  });
}
for (let o = 0; o < overrides.length; o += batch)
  await db
    .insertInto('org_configurations')
    .values(overrides.slice(o, o + batch))
    .execute();
process.stdout.write(`${organizations} organization overrides\n`);

// Fresh planner statistics, as a store that grew to this size over time would have.
await sql`ANALYZE`.execute(db);
await handle.close();
// The bench asks for a bulk user from the middle of the table: its vend opens a token sealed here.
const user = Math.floor(accounts / PER_USER / 2);
const measured = {
  ...fixture,
  userId: `user_${user}`,
  organizationId: `org_${user % organizations}`,
  vendSlug: slugs[user % slugs.length]!,
};
writeManifest(dir, { accounts, apiKey, encryptionKeys, ...(databaseUrl ? { databaseUrl } : {}), fixture: measured });
process.stdout.write(`seeded ${dir}; run: npm run bench -- --seeded ${dir}\n`);
