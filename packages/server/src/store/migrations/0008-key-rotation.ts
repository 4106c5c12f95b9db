import type { Kysely } from 'kysely';
import { createTable } from './table.ts';

// Encryption-key bookkeeping (docs/security.md §14). key_checks: per key id, a check value of the
// key first used under that id, so a different key under a known id stops start-up.
// key_rotation_progress: how far `openpipes keys reencrypt` got in each table, so a run that
// stops is continued by the next one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'key_checks')`
    kid text key
    check_value text!
    created_at text!
  `.execute();
  await createTable(db, 'key_rotation_progress')`
    table_name text key
    primary_kid text!
    position text!
    updated_at text!
  `.execute();
}
