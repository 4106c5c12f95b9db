import type { Kysely } from 'kysely';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { StoredEvent } from '../domain/event.ts';
import type { DeliveryStatus, DueDelivery, WebhookAttempt, WebhookDelivery } from '../domain/webhook-delivery.ts';
import type { Dialect } from './database.ts';
import { readJson } from './encoding.ts';
import type { Database } from './schema.ts';
import type { Sealer } from './sealer.ts';

/** How an attempt leaves its delivery: done, failed for good, or due again at a time. */
export type AttemptOutcome = { status: 'delivered' | 'failed' } | { status: 'pending'; next_attempt_at: string };

/**
 * The webhook outbox. Deliveries are written with their event (`enqueue`, in the event's
 * transaction); a worker takes one endpoint's queue at a time (`claimEndpoints`, a lease on the
 * endpoint row, `FOR UPDATE SKIP LOCKED` on PostgreSQL), so each delivery is attempted by one
 * process at a time and an endpoint's first attempts go out in event order.
 */
export class WebhookDeliveriesRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly sealer: Sealer,
  ) {}

  /** One pending delivery per enabled endpoint of the event's environment that subscribes to it. */
  async enqueue(event: StoredEvent): Promise<void> {
    const endpoints = await this.db
      .selectFrom('webhook_endpoints')
      .select(['id', 'events'])
      .where((eb) => eb.and({ environment_id: event.environment_id, status: 'enabled' }))
      .orderBy('id')
      .execute();
    const rows = endpoints
      .filter((e) => readJson<string[]>(e.events).includes(event.event))
      .map((e) => ({
        id: newId(ID_PREFIX.webhookDelivery),
        environment_id: event.environment_id,
        endpoint_id: e.id,
        event_id: event.id,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: event.created_at,
        created_at: event.created_at,
        updated_at: event.created_at,
      }));
    if (rows.length > 0) await this.db.insertInto('webhook_deliveries').values(rows).execute();
  }

  /**
   * Leases up to `limit` endpoints that have a delivery due and no live lease; returns their ids.
   * `lease` is the lapse time followed by `#` and the holder's own token, so it still compares
   * as a time and a release clears only the holder's own lease.
   */
  async claimEndpoints(now: string, lease: string, limit: number): Promise<string[]> {
    let candidates = this.db
      .selectFrom('webhook_endpoints as e')
      .select('e.id')
      .where((eb) => eb.or([eb('e.delivery_lease_until', 'is', null), eb('e.delivery_lease_until', '<', now)]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('webhook_deliveries as d')
            .select('d.id')
            .whereRef('d.endpoint_id', '=', 'e.id')
            .where('d.status', '=', 'pending')
            .where('d.next_attempt_at', '<=', now),
        ),
      )
      .orderBy('e.id')
      .limit(limit);
    // Another process's claim in flight is skipped, not waited for; the lease then keeps it out.
    if (this.dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
    const rows = await this.db
      .updateTable('webhook_endpoints')
      .set({ delivery_lease_until: lease })
      .where('id', 'in', candidates)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Ends a lease, unless it lapsed and another process holds the endpoint now. */
  async releaseEndpoint(endpointId: string, lease: string): Promise<void> {
    await this.db
      .updateTable('webhook_endpoints')
      .set({ delivery_lease_until: null })
      .where((eb) => eb.and({ id: endpointId, delivery_lease_until: lease }))
      .execute();
  }

  /** An endpoint's due deliveries in event order, with what sending them needs. */
  async due(endpointId: string, now: string, limit: number): Promise<DueDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .innerJoin('events as ev', 'ev.id', 'd.event_id')
      .selectAll('d')
      .select(['e.endpoint_url', 'e.secret', 'ev.event', 'ev.data', 'ev.created_at as event_created_at'])
      .where('d.endpoint_id', '=', endpointId)
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return rows.map(({ endpoint_url, secret, event, data, event_created_at, ...delivery }) => ({
      ...delivery,
      endpoint_url,
      secret: this.sealer.open(secret, { environmentId: delivery.environment_id, table: 'webhook_endpoints', rowId: endpointId }, 'secret'),
      event: { id: delivery.event_id, event, data: readJson<Record<string, unknown>>(data), created_at: event_created_at },
    }));
  }

  /**
   * Records an attempt and moves its delivery on, together. A delivery cancelled or deleted
   * meanwhile (its endpoint disabled or removed) is left as it is.
   */
  async recordAttempt(
    delivery: Pick<WebhookDelivery, 'id' | 'attempts'>,
    attempt: Omit<WebhookAttempt, 'id' | 'delivery_id'>,
    outcome: AttemptOutcome,
  ): Promise<boolean> {
    const moved = await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.status,
        attempts: delivery.attempts + 1,
        next_attempt_at: outcome.status === 'pending' ? outcome.next_attempt_at : null,
        updated_at: attempt.attempted_at,
      })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    await this.db
      .insertInto('webhook_attempts')
      .values({ id: newId(ID_PREFIX.webhookAttempt), delivery_id: delivery.id, ...attempt })
      .execute();
    return true;
  }

  /** Disabling or deleting an endpoint ends its pending deliveries (§11.3.1). */
  async cancelPending(endpointId: string, now: string): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'cancelled', next_attempt_at: null, updated_at: now })
      .where('endpoint_id', '=', endpointId)
      .where('status', '=', 'pending')
      .execute();
  }

  /** Queues a delivery again now, whatever it ended as (a manual re-send); null: no such delivery. */
  async resend(environmentId: string | null, deliveryId: string, now: string): Promise<WebhookDelivery | null> {
    let update = this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: now, updated_at: now })
      .where('id', '=', deliveryId);
    if (environmentId !== null) update = update.where('environment_id', '=', environmentId);
    await update.execute();
    return this.byId(environmentId, deliveryId);
  }

  /** A delivery of one environment, or of any (null: the operator's view). */
  async byId(environmentId: string | null, deliveryId: string): Promise<WebhookDelivery | null> {
    let q = this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId);
    if (environmentId !== null) q = q.where('environment_id', '=', environmentId);
    return (await q.executeTakeFirst()) ?? null;
  }

  /** An endpoint's newest deliveries first, each with its attempts in order. */
  async forEndpoint(endpointId: string, limit: number): Promise<Array<WebhookDelivery & { attempt_log: WebhookAttempt[] }>> {
    const deliveries = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    if (deliveries.length === 0) return [];
    const attempts = await this.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where(
        'delivery_id',
        'in',
        deliveries.map((d) => d.id),
      )
      .orderBy('id')
      .execute();
    return deliveries.map((d) => ({ ...d, attempt_log: attempts.filter((a) => a.delivery_id === d.id) }));
  }

  /** The outcome of an endpoint's latest `n` attempts, newest first (the "failing" label reads it). */
  async recentAttempts(endpointId: string, n: number): Promise<Pick<WebhookAttempt, 'status_code' | 'error'>[]> {
    return this.db
      .selectFrom('webhook_attempts as a')
      .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
      .select(['a.status_code', 'a.error'])
      .where('d.endpoint_id', '=', endpointId)
      .orderBy('a.id', 'desc')
      .limit(n)
      .execute();
  }

  /** Attempts since `from`, by hour (`YYYY-MM-DDTHH`) and outcome: delivered (no error) or failed. */
  async attemptsByHour(from: string): Promise<Array<{ hour: string; outcome: 'delivered' | 'failed'; count: number }>> {
    const rows = await this.db
      .selectFrom('webhook_attempts')
      .select((eb) => [
        eb.fn<string>('substr', ['attempted_at', eb.lit(1), eb.lit(13)]).as('hour'),
        eb.case().when('error', 'is', null).then(eb.lit(0)).else(eb.lit(1)).end().as('failed'),
        eb.fn.countAll<string | number>().as('n'),
      ])
      .where('attempted_at', '>=', from)
      .groupBy(['hour', 'failed'])
      .execute();
    return rows.map((r) => ({ hour: r.hour, outcome: Number(r.failed) === 0 ? 'delivered' : 'failed', count: Number(r.n) }));
  }

  /** Deliveries waiting, by status (the queue-depth metric). */
  async countByStatus(): Promise<Record<DeliveryStatus, number>> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => ['status', eb.fn.countAll<string | number>().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0, cancelled: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }
}
