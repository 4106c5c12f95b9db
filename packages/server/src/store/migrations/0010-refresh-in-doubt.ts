import type { Kysely } from 'kysely';

// A refresh whose outcome is unknown (the call timed out, or the connection was lost after the
// request may have been sent) may still land at the provider and rotate the refresh token; until
// this time no process sends another refresh of the connection (docs/reliability.md, "A provider
// that never answers"). NULL: no refresh in doubt. Read by the vend statement, so no index needed:
// the row is already found by its own indexes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('connected_accounts').addColumn('refresh_in_doubt_until', 'text').execute();
}
