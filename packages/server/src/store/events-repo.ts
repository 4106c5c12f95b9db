import type { Kysely } from 'kysely';
import type { StoredEvent } from '../domain/event.ts';
import { keysetPage } from './keyset-page.ts';
import type { Database } from './schema.ts';
import type { WebhookDeliveriesRepo } from './webhook-deliveries-repo.ts';
import { json, readJson } from './encoding.ts';

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

/** The event log; recording an event also queues its webhook deliveries (the outbox), in the same transaction. */
export class EventsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly outbox: WebhookDeliveriesRepo,
  ) {}

  async insert(event: StoredEvent): Promise<void> {
    await this.db
      .insertInto('events')
      .values({ ...event, data: json(event.data) })
      .execute();
    await this.outbox.enqueue(event);
  }

  /** Keyset page by id (monotonic ULIDs), one row over the limit to know if more follow. */
  async page(environmentId: string, q: EventQuery): Promise<{ rows: StoredEvent[]; hasMore: boolean }> {
    let sel = this.db.selectFrom('events').selectAll().where('environment_id', '=', environmentId);
    if (q.names.length > 0) sel = sel.where('event', 'in', q.names);
    if (q.organizationId !== null) sel = sel.where('organization_id', '=', q.organizationId);
    if (q.rangeStart !== null) sel = sel.where('created_at', '>=', q.rangeStart);
    if (q.rangeEnd !== null) sel = sel.where('created_at', '<', q.rangeEnd);
    const page = await keysetPage(sel, q);
    return { rows: page.rows.map((r) => ({ ...r, data: readJson<Record<string, unknown>>(r.data) })), hasMore: page.hasMore };
  }

  async purgeBefore(createdAt: string): Promise<void> {
    await this.db.deleteFrom('events').where('created_at', '<', createdAt).execute();
  }
}
