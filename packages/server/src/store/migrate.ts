import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './migrations/0001-initial.ts';
import type { Database } from './schema.ts';

/** Migrations ship in the code (no directory scan), in order; forward-only. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
