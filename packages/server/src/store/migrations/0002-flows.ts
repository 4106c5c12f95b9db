import type { Kysely } from 'kysely';

// Authorization flows, and the lease column that serialises token refreshes across processes
// on SQLite (PostgreSQL uses a row lock instead; see connections/refresh-lock.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (c) => c.notNull().references('data_integrations.id').onDelete('cascade'))
    .addColumn('link_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_hash', 'text', (c) => c.notNull())
    .addColumn('state_hash', 'text', (c) => c.unique())
    .addColumn('browser_hash', 'text')
    .addColumn('code_verifier', 'text')
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('acting_user_id', 'text', (c) => c.notNull())
    .addColumn('connection_intent', 'text')
    .addColumn('connected_account_id', 'text')
    .addColumn('return_to', 'text')
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flows_expires').on('flows').column('expires_at').execute();

  await db.schema.alterTable('connected_accounts').addColumn('refresh_lock_until', 'text').execute();
}
