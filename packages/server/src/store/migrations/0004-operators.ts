import type { Kysely } from 'kysely';
import { createTable } from './table.ts';

// Operator accounts (dashboard sign-in) and their sessions; a session row is keyed by the SHA-256 of
// the token the browser holds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(
    db,
    'operators',
    `
    id text key
    username text! unique
    password_hash text!
    @timestamps
  `,
  ).execute();

  await createTable(
    db,
    'dashboard_sessions',
    `
    id text key
    operator_id text! -> operators.id cascade
    csrf_secret text!
    created_at text!
    last_seen_at text!
    expires_at text!
  `,
  ).execute();
  await db.schema.createIndex('dashboard_sessions_operator').on('dashboard_sessions').column('operator_id').execute();
  await db.schema.createIndex('dashboard_sessions_expiry').on('dashboard_sessions').column('expires_at').execute();
}
