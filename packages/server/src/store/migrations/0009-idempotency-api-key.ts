import type { Kysely } from 'kysely';
import { createIndex } from './table.ts';

// The Idempotency-Key bound counts per API key (docs/security.md §19), so each row names the key
// that claimed it. Rows claimed before this migration keep NULL: they count against no key, and
// they expire within 24 hours anyway. No foreign key: API keys are revoked, never deleted, and the
// row already goes with its environment. The index serves the bound's count and its oldest-row
// lookup (one key's rows since a time).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('api_key_id', 'text').execute();
  await createIndex(db, 'idempotency_keys_api_key_created', 'idempotency_keys', ['api_key_id', 'created_at']).execute();
}
