import { sql, type Kysely } from 'kysely';

// A hint shorter than four characters is a whole secret stored before hints required 12 characters
// (docs/security.md §13): forget it. Longer hints cannot be told apart from those of long secrets
// without opening them, so they stay until the secret is next written.
const HINTS = [
  ['data_integrations', 'client_secret_last4'],
  ['org_configurations', 'client_secret_last4'],
  ['connected_accounts', 'api_key_last4'],
  ['connected_accounts', 'client_secret_last4'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of HINTS) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = null where length(${sql.ref(column)}) < 4`.execute(db);
  }
}
