import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createTable } from './table.ts';

/**
 * What the provider listings cache per process is checked against (store/listing-reader.ts): per
 * environment, a version of its integrations, custom providers and overrides (`scope_key` ''),
 * and per connection owner a version of that owner's connections (`scope_key` = the owner key).
 * Database triggers bump them with every insert, update or delete, in the writing transaction, so
 * no write path (a service, the CLI, `keys reencrypt`, another process) can forget to.
 */
const SCOPES: Record<string, (row: 'new' | 'old') => string> = {
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
  const bump = (row: 'new' | 'old', scope: string) =>
    `insert into read_model_versions (environment_id, scope_key, version) values (${row}.environment_id, ${scope}, 1)
     on conflict (environment_id, scope_key) do update set version = read_model_versions.version + 1`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const [table, scope] of Object.entries(SCOPES)) {
      await sql
        .raw(`create function ${table}_bump_version() returns trigger language plpgsql as $$
          begin
            if tg_op = 'DELETE' then ${bump('old', scope('old'))}; else ${bump('new', scope('new'))}; end if;
            return null;
          end $$`)
        .execute(db);
      // Deferred to the commit: a version row is locked only once the transaction's own row
      // writes are done, so two transactions writing several rows in different orders cannot
      // deadlock on it.
      await sql
        .raw(`create constraint trigger ${table}_version after insert or update or delete on ${table}
          deferrable initially deferred for each row execute function ${table}_bump_version()`)
        .execute(db);
    }
    return;
  }
  // SQLite runs one writer at a time: a plain trigger per event.
  for (const [table, scope] of Object.entries(SCOPES)) {
    for (const [event, row] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      await sql.raw(`create trigger ${table}_version_${event} after ${event} on ${table} begin ${bump(row, scope(row))}; end`).execute(db);
    }
  }
}
