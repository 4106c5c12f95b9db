import type { Kysely, Selectable } from 'kysely';
import type { Database, EventsTable, IdempotencyKeysTable } from './schema.ts';

export type EventRow = Selectable<EventsTable>;
export type IdempotencyRow = Selectable<IdempotencyKeysTable>;

export interface EventQuery {
  names: readonly string[];
  organizationId: string | null;
  rangeStart: string | null;
  rangeEnd: string | null;
  after: string | null;
  before: string | null;
  order: 'asc' | 'desc';
  limit: number;
}

export class EventsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: EventRow): Promise<unknown> {
    return this.db.insertInto('events').values(row).execute();
  }

  /** Keyset page by id (monotonic ULIDs), one row over the limit to know if more follow. */
  async page(environmentId: string, q: EventQuery): Promise<{ rows: EventRow[]; hasMore: boolean }> {
    let sel = this.db.selectFrom('events').selectAll().where('environment_id', '=', environmentId);
    if (q.names.length > 0) sel = sel.where('event', 'in', q.names);
    if (q.organizationId !== null) sel = sel.where('organization_id', '=', q.organizationId);
    if (q.rangeStart !== null) sel = sel.where('created_at', '>=', q.rangeStart);
    if (q.rangeEnd !== null) sel = sel.where('created_at', '<', q.rangeEnd);
    if (q.after !== null) sel = sel.where('id', q.order === 'asc' ? '>' : '<', q.after);
    if (q.before !== null) sel = sel.where('id', q.order === 'asc' ? '<' : '>', q.before);
    const rows = await sel.orderBy('id', q.order).limit(q.limit + 1).execute();
    return { rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
  }

  async purgeBefore(createdAt: string): Promise<void> {
    await this.db.deleteFrom('events').where('created_at', '<', createdAt).execute();
  }
}

export class IdempotencyRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async get(environmentId: string, route: string, key: string): Promise<IdempotencyRow | null> {
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
  async claim(row: IdempotencyRow): Promise<boolean> {
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
