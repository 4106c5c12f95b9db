import type { Kysely } from 'kysely';
import { createIndex, createTable } from './table.ts';

// Operator accounts (dashboard sign-in) and their sessions; a session row is keyed by the SHA-256 of
// the token the browser holds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'operators')`
    id text key
    username text! unique
    password_hash text!
    @timestamps
  `.execute();

  await createTable(db, 'dashboard_sessions')`
    id text key
    operator_id text! -> operators.id cascade
    csrf_secret text!
    created_at text!
    last_seen_at text!
    expires_at text!
  `.execute();
  await createIndex(db, 'dashboard_sessions_operator', 'dashboard_sessions', ['operator_id']).execute();
  await createIndex(db, 'dashboard_sessions_expiry', 'dashboard_sessions', ['expires_at']).execute();
}
