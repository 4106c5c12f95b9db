import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createTable } from './table.ts';

/**
 * What the provider listings cache per process is checked against (store/listing-reader.ts): per
 * environment, a version of its integrations, custom providers and overrides (`scope_key` ''),
 * and per connection owner a version of that owner's connections (`scope_key` = the owner key).
 * Database triggers bump them with every insert, update or delete, in the writing transaction, so
 * no write path (a service, the CLI, `keys reencrypt`, another process) can forget to.
 */
export const SCOPES: Record<string, (row: 'new' | 'old') => string> = {
  data_integrations: () => `''`,
  custom_providers: () => `''`,
  org_configurations: () => `''`,
  connected_accounts: (row) => `${row}.owner_key`,
};

// No foreign key to environments: deleting an environment cascades into these tables, whose
// triggers write their rows again; an orphaned row of a deleted environment is a few bytes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'read_model_versions')`
    environment_id text!
    scope_key text!
    version integer!
    @primary read_model_versions_pk: environment_id, scope_key
  `.execute();
  for (const [table, scope] of Object.entries(SCOPES)) await createVersionTriggers(db, table, scope, null);
}

const bump = (row: 'new' | 'old', scope: string) =>
  `insert into read_model_versions (environment_id, scope_key, version) values (${row}.environment_id, ${scope}, 1)
     on conflict (environment_id, scope_key) do update set version = read_model_versions.version + 1`;

/**
 * The triggers that bump `table`'s version on insert, delete, and update (of `columns` only when
 * given: a write of columns no listing reads leaves the cached listings valid). Migration 0013
 * re-creates connected_accounts' triggers with a column list.
 */
export async function createVersionTriggers(
  db: Kysely<unknown>,
  table: string,
  scope: (row: 'new' | 'old') => string,
  columns: readonly string[] | null,
): Promise<void> {
  const update = columns ? `update of ${columns.join(', ')}` : 'update';
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(`create or replace function ${table}_bump_version() returns trigger language plpgsql as $$
          begin
            if tg_op = 'DELETE' then ${bump('old', scope('old'))}; else ${bump('new', scope('new'))}; end if;
            return null;
          end $$`)
      .execute(db);
    // Deferred to the commit: a version row is locked only once the transaction's own row
    // writes are done, so two transactions writing several rows in different orders cannot
    // deadlock on it.
    await sql
      .raw(`create constraint trigger ${table}_version after insert or ${update} or delete on ${table}
          deferrable initially deferred for each row execute function ${table}_bump_version()`)
      .execute(db);
    return;
  }
  // SQLite runs one writer at a time: a plain trigger per event.
  for (const [event, row] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const) {
    const on = event === 'update' ? update : event;
    await sql.raw(`create trigger ${table}_version_${event} after ${on} on ${table} begin ${bump(row, scope(row))}; end`).execute(db);
  }
}

/** Drops what `createVersionTriggers` made for `table` (PostgreSQL keeps the function, replaced on re-creation). */
export async function dropVersionTriggers(db: Kysely<unknown>, table: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(`drop trigger ${table}_version on ${table}`).execute(db);
    return;
  }
  for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${table}_version_${event}`).execute(db);
}
