/**
 * Health scheduler at scale (issue 12 item 8): fills a fresh database with N connections (default
 * 1,000,000) by one INSERT … SELECT, shaped like a deployment where the scheduler has been running
 * (60 % OAuth with a refresh token, 10 % client credentials, 20 % API keys, 5 % needing
 * re-authorization; next looks ten minutes before expiry, spread over a day; a few never scheduled
 * and a few scheduled after their token expires), then times one tick's queries (the scheduler's
 * own repository, store/health-checks-repo.ts) and prints their plans.
 *
 *   npm run bench:health                      # SQLite (a temporary file)
 *   npm run bench:health -- --postgres URL    # PostgreSQL (a scratch database on that server)
 *   npm run bench:health -- --accounts 100000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { HealthChecksRepo } from '../packages/server/src/store/health-checks-repo.ts';
import { migrateToLatest } from '../packages/server/src/store/migrate.ts';
import type { Database } from '../packages/server/src/store/schema.ts';
import { scratchDatabase } from './lib/postgres.ts';
import { median } from './lib/process.ts';

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '1000000' }, postgres: { type: 'string' } } });
const accounts = Number(values.accounts);
const NOW = '2030-01-01T00:00:00.000Z';
const HORIZON = '2030-01-01T00:15:00.000Z';

/** The statements of the last repository call (reset before each). */
let logged: { sql: string; parameters: readonly unknown[] }[] = [];
const log = (e: LogEvent) => {
  logged.push({ sql: e.query.sql, parameters: e.query.parameters });
};

let db: Kysely<Database>;
let explain: (q: { sql: string; parameters: readonly unknown[] }) => Promise<string>;
let cleanup: () => Promise<void>;
if (values.postgres) {
  const scratch = await scratchDatabase(values.postgres);
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  explain = async (q) =>
    (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[])).rows.map((r) => r['QUERY PLAN']).join('\n');
  cleanup = async () => {
    await db.destroy();
    await scratch.drop();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'openpipes-health-bench-'));
  const raw = new BetterSqlite3(join(dir, 'openpipes.db'));
  raw.pragma('journal_mode = WAL');
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log });
  explain = async (q) =>
    (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
  cleanup = async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
}
const pgDialect = Boolean(values.postgres);

try {
  await migrateToLatest(db);
  await sql`INSERT INTO environments (id, name, production, allowed_return_origins, confirmation_screen, created_at, updated_at)
    VALUES ('env_bench', 'bench', 0, '[]', 0, ${NOW}, ${NOW})`.execute(db);
  for (let k = 0; k < 10; k++) {
    await sql`INSERT INTO data_integrations (id, environment_id, slug, ownership, enabled, auth_method, config, redirect_key, created_at, updated_at)
      VALUES (${`int_${k}`}, 'env_bench', ${`p${k}`}, 'environment', 1, 'oauth', '{}', ${`rk_${k}`}, ${NOW}, ${NOW})`.execute(db);
  }

  // Row i's shape, in SQL both stores read: i % 20 picks the kind; expiry spread over a day by a
  // multiplicative hash of i; the next look ten minutes before expiry, except the odd ones out.
  const at = (secondsExpr: string) =>
    pgDialect
      ? `to_char((timestamp '2030-01-01 00:00:00' + (${secondsExpr}) * interval '1 second'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `strftime('%Y-%m-%dT%H:%M:%fZ', '2030-01-01 00:00:00', (${secondsExpr}) || ' seconds')`;
  const kind = '(i % 20)';
  const authMethod = `CASE WHEN ${kind} < 4 THEN 'api_key' WHEN ${kind} < 6 THEN 'client_credentials' ELSE 'oauth' END`;
  const state = `CASE WHEN ${kind} = 19 THEN 'needs_reauthorization' ELSE 'connected' END`;
  const expiresIn = '(((i * 7919) % 86400) + 60)';
  const eligible = `${kind} >= 4 AND ${kind} < 19`;
  const next = `CASE WHEN NOT (${eligible}) THEN NULL
    WHEN i % 2000 = 7 THEN NULL
    WHEN i % 2000 = 11 THEN ${at(`${expiresIn} + 3600`)}
    ELSE ${at(`${expiresIn} - 600`)} END`;
  const series = pgDialect
    ? sql.raw(`FROM generate_series(0::bigint, ${accounts - 1}) AS s(i)`)
    : sql.raw(`FROM (WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${accounts - 1}) SELECT i FROM s)`);
  const began = performance.now();
  await sql`INSERT INTO connected_accounts (id, environment_id, integration_id, owner_type, user_id, organization_id, owner_key,
      connection_role, auth_method, state, scopes, access_token, refresh_token, expires_at, config, created_at, updated_at,
      next_health_check_at, health_check_failures)
    SELECT 'ca_' || i, 'env_bench', 'int_' || (i % 10), 'user', 'u' || i, NULL, 'u|u' || i || '|',
      'standard', ${sql.raw(authMethod)}, ${sql.raw(state)}, '[]', 'sealed', CASE WHEN ${sql.raw(kind)} >= 6 THEN 'sealed' ELSE NULL END,
      CASE WHEN ${sql.raw(kind)} < 4 THEN NULL ELSE ${sql.raw(at(expiresIn))} END, '{}', '2029-12-31T00:00:00.000Z', '2029-12-31T00:00:00.000Z',
      ${sql.raw(next)}, 0
    ${series}`.execute(db);
  await sql.raw(pgDialect ? 'ANALYZE connected_accounts' : 'ANALYZE').execute(db);
  process.stdout.write(
    `${pgDialect ? 'PostgreSQL' : 'SQLite'}: ${accounts} connections inserted in ${((performance.now() - began) / 1000).toFixed(1)} s\n`,
  );

  const repo = new HealthChecksRepo(db);
  const runs = { unscheduled: [] as number[], due: [] as number[] };
  const plans: string[] = [];
  for (let r = 0; r < 7; r++) {
    logged = [];
    let t = performance.now();
    const unscheduled = await repo.unscheduled(2000);
    runs.unscheduled.push(performance.now() - t);
    if (r === 0) plans.push(`unscheduled(2000) → ${unscheduled.length} rows\n${await explain(logged[0]!)}`);
    logged = [];
    t = performance.now();
    const due = await repo.due(NOW, HORIZON, 500);
    runs.due.push(performance.now() - t);
    if (r === 0) {
      plans.push(`due(now, now + 15 min, 500) → ${due.length} rows in ${logged.length} statement(s)`);
      for (const q of logged) plans.push(`${q.sql.replace(/\s+/g, ' ')}\n${await explain(q)}`);
    }
  }
  // The expiring statement on its own: a `now` before every scheduled look leaves the first statement
  // nothing, so due() runs the second across (now, now + 15 min], as it does whenever the backlog is short.
  const expiringRuns: number[] = [];
  for (let r = 0; r < 7; r++) {
    logged = [];
    const t = performance.now();
    const rows = await repo.due('2029-12-31T23:45:00.000Z', HORIZON, 500);
    expiringRuns.push(performance.now() - t);
    if (r === 0) {
      const q = logged[1]!;
      plans.push(`expiring statement alone → ${rows.length} rows\n${q.sql.replace(/\s+/g, ' ')}\n${await explain(q)}`);
    }
  }
  plans.push(`(expiring statement, median of 7: ${median(expiringRuns).toFixed(2)} ms)`);

  for (const plan of plans) process.stdout.write(`\n${plan}\n`);
  process.stdout.write(
    `\none tick's queries, median of 7: unscheduled ${median(runs.unscheduled).toFixed(2)} ms, due ${median(runs.due).toFixed(2)} ms\n`,
  );
} finally {
  await cleanup();
}
