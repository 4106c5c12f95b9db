import type { Kysely } from 'kysely';
import type { IdempotencyLedger, IdempotencyRecord } from '../domain/idempotency-record.ts';
import type { Database } from './schema.ts';
import type { Sealer, SealedAt } from './sealer.ts';

/**
 * Idempotency-Key claims and stored answers (§10.15). An answer is sealed like every secret:
 * some carry one the client must get again on a retry (a webhook endpoint's signing secret, a
 * widget token), and none should sit in the database readable.
 */
export class IdempotencyRepo implements IdempotencyLedger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  async get(environmentId: string, route: string, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where((eb) => eb.and({ environment_id: environmentId, route, idempotency_key: key }))
      .executeTakeFirst();
    if (!row) return null;
    if (row.response === null) return row;
    try {
      return { ...row, response: this.sealer.open(row.response, sealedAt(environmentId, route, key), 'response') };
    } catch {
      // Sealed under a key since retired from the ring: forget it, so the request simply runs again.
      await this.release(environmentId, route, key);
      return null;
    }
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
      .set({ status, response: this.sealer.seal(response, sealedAt(environmentId, route, key), 'response') })
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

  async countSince(apiKeyId: string, since: string, cap: number): Promise<number> {
    // The (api_key_id, created_at) index narrows the scan to the key's live rows, and the limit
    // stops it at the bound: never more than `cap` rows are read.
    const live = this.db
      .selectFrom('idempotency_keys')
      .select('created_at')
      .where('api_key_id', '=', apiKeyId)
      .where('created_at', '>=', since)
      .limit(cap)
      .as('live');
    const row = await this.db
      .selectFrom(live)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async oldestSince(apiKeyId: string, since: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select((eb) => eb.fn.min('created_at').as('oldest'))
      .where('api_key_id', '=', apiKeyId)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    return row?.oldest ?? null;
  }

  async purgeBefore(createdAt: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('created_at', '<', createdAt).execute();
  }
}

/** A stored answer is bound to its environment, route and key: it opens for that request only. */
const sealedAt = (environmentId: string, route: string, key: string): SealedAt => ({
  environmentId,
  table: 'idempotency_keys',
  rowId: `${route}|${key}`,
});
