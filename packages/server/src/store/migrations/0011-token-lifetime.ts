import type { Kysely } from 'kysely';

// An integration may assume its own access-token lifetime for token responses without expires_in
// (issue 11: a Salesforce org whose session timeout is shorter than the catalog's two hours). NULL, the
// value of every existing row, means the provider's lifetime from the catalog.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('data_integrations').addColumn('token_lifetime_seconds', 'integer').execute();
}
