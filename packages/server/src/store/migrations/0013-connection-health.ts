import type { Kysely } from 'kysely';
import { createTable } from './table.ts';
import { SCOPES, createVersionTriggers, dropVersionTriggers } from './0011-read-model-versions.ts';

/**
 * Connection health (issue 12). On each connection: when its tokens were last renewed, when it
 * was last vended or proxied (written in batches, never per vend), and the last check the health
 * scheduler made, with the scheduler's own bookkeeping: when to look at it next (indexed: the
 * scheduler's only way in at a million rows) and how many temporary failures in a row it saw
 * (its backoff). `scheduler_leases`: which process runs a background job, until when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['last_refreshed_at', 'last_used_at', 'last_health_check_at', 'last_health_check_result', 'next_health_check_at']) {
    await db.schema.alterTable('connected_accounts').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('connected_accounts')
    .addColumn('health_check_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('connected_accounts_next_health_check').on('connected_accounts').column('next_health_check_at').execute();
  await createTable(db, 'scheduler_leases')`
    name text key
    holder text!
    expires_at text!
  `.execute();
  // Until now any update of a connection bumped its owner's listing version; from now on only a
  // write of a column the listings read does (store/listing-reader.ts), so recording use, health
  // checks, refresh leases and doubts leaves the cached listings valid.
  const scope = SCOPES.connected_accounts;
  if (!scope) throw new Error('connected_accounts has no listing scope');
  await dropVersionTriggers(db, 'connected_accounts');
  await createVersionTriggers(db, 'connected_accounts', scope, LISTED_COLUMNS);
}

/** Every column the provider listings read of a connection (`ListedAccount` and its owner). */
const LISTED_COLUMNS = [
  'integration_id',
  'owner_type',
  'user_id',
  'organization_id',
  'owner_key',
  'connection_role',
  'auth_method',
  'state',
  'scopes',
  'account_identifier',
  'account_display_name',
  'api_key_last4',
  'client_id',
  'client_secret_last4',
  'config',
  'created_at',
  'updated_at',
];
