import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

/** Makes a stored connection's access token expired a second ago, as time passing would. */
export async function expireAccount(db: Kysely<Database>, accountId: string): Promise<void> {
  await db
    .updateTable('connected_accounts')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where('id', '=', accountId)
    .execute();
}
