import type { Kysely } from 'kysely';
import type { IdempotencyLedger, IdempotencyRecord } from '../domain/idempotency-record.ts';
import type { Database } from './schema.ts';

export class IdempotencyRepo implements IdempotencyLedger {
  constructor(private readonly db: Kysely<Database>) {}

  async get(environmentId: string, route: string, key: string): Promise<IdempotencyRecord | null> {
    return (
      (await this.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('environment_id', '=', environmentId)
        .where('route', '=', route)
        .where('idempotency_key', '=', key)
        .executeTakeFirst()) ?? null
    );
  }

  /** Claims a key; false when another request holds it already (the unique key decides). */
  async claim(row: IdempotencyRecord): Promise<boolean> {
    const r = await this.db
      .insertInto('idempotency_keys')
      .values(row)
      .onConflict((oc) => oc.columns(['environment_id', 'route', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async complete(environmentId: string, route: string, key: string, status: number, response: string): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status, response })
      .where('environment_id', '=', environmentId)
      .where('route', '=', route)
      .where('idempotency_key', '=', key)
      .execute();
  }

  async release(environmentId: string, route: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('environment_id', '=', environmentId)
      .where('route', '=', route)
      .where('idempotency_key', '=', key)
      .execute();
  }

  async purgeBefore(createdAt: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('created_at', '<', createdAt).execute();
  }
}
