import type { Kysely } from 'kysely';
import type { ApiKey } from '../domain/environment.ts';
import type { Database } from './schema.ts';

/** API keys, stored as digests with their last four characters. */
export class ApiKeysRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(key: ApiKey): Promise<void> {
    await this.db.insertInto('api_keys').values(key).execute();
  }

  async byDigest(digest: string): Promise<ApiKey | null> {
    return (await this.db.selectFrom('api_keys').selectAll().where('digest', '=', digest).executeTakeFirst()) ?? null;
  }

  list(environmentId?: string): Promise<ApiKey[]> {
    let q = this.db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id');
    if (environmentId) q = q.where('environment_id', '=', environmentId);
    return q.execute();
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
