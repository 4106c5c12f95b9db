import type { Kysely } from 'kysely';

// A flow started by a widget can be bound to the window that opened it (widgets-api.md §8.3):
// the SHA-256 of the handoff token only that window holds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('flows').addColumn('handoff_hash', 'text').execute();
}
