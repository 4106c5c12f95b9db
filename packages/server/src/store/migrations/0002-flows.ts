import type { Kysely } from 'kysely';
import { createIndex, createTable } from './table.ts';

// Authorization flows, and the lease column that serialises token refreshes across processes
// on SQLite (PostgreSQL uses a row lock instead; see connections/refresh-lock.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'flows')`
    @tenant
    integration_id text! -> data_integrations.id cascade
    link_hash text! unique
    csrf_hash text!
    state_hash text unique
    browser_hash text
    code_verifier text
    @owner
    acting_user_id text!
    connection_intent text
    connected_account_id text
    return_to text
    config text!
    scopes text!
    client_id text!
    status text!
    expires_at text!
    @timestamps
  `.execute();
  await createIndex(db, 'flows_expires', 'flows', ['expires_at']).execute();

  await db.schema.alterTable('connected_accounts').addColumn('refresh_lock_until', 'text').execute();
}
