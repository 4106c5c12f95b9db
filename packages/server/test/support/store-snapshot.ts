import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

/** The tables whose every row a snapshot captures, each ordered by id. */
const SNAPSHOT_TABLES = [
  'environments',
  'api_keys',
  'custom_providers',
  'data_integrations',
  'org_configurations',
  'connected_accounts',
  'events',
] as const;

export type StoreSnapshot = Record<(typeof SNAPSHOT_TABLES)[number], Record<string, unknown>[]>;

/**
 * Every row of every table a request could write, for "nothing changed" assertions.
 * Left out on purpose: `idempotency_keys` (bookkeeping of requests, not state) and
 * `api_keys.last_used_at` (touched by every authenticated request).
 */
export async function snapshotStore(db: Kysely<Database>): Promise<StoreSnapshot> {
  const out = {} as StoreSnapshot;
  for (const table of SNAPSHOT_TABLES) {
    const rows = (await db.selectFrom(table).selectAll().orderBy('id').execute()) as Record<string, unknown>[];
    out[table] = table === 'api_keys' ? rows.map(({ last_used_at: _lastUsed, ...rest }) => rest) : rows;
  }
  return out;
}
