import type { Kysely } from 'kysely';
import { createIndex, createTable } from './table.ts';

// Webhook endpoints and the delivery outbox: a delivery row is written in the same transaction as
// its event, so an event is delivered if and only if it was committed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'webhook_endpoints')`
    @tenant
    endpoint_url text!
    secret text!
    status text!
    events text!
    delivery_lease_until text
    @timestamps
    @unique webhook_endpoints_env_url: environment_id, endpoint_url
  `.execute();

  await createTable(db, 'webhook_deliveries')`
    @tenant
    endpoint_id text! -> webhook_endpoints.id cascade
    event_id text! -> events.id cascade
    status text!
    attempts integer!
    next_attempt_at text
    @timestamps
  `.execute();
  await createIndex(db, 'webhook_deliveries_due', 'webhook_deliveries', ['status', 'next_attempt_at']).execute();
  await createIndex(db, 'webhook_deliveries_endpoint', 'webhook_deliveries', ['endpoint_id', 'id']).execute();

  await createTable(db, 'webhook_attempts')`
    id text key
    delivery_id text! -> webhook_deliveries.id cascade
    attempted_at text!
    status_code integer
    duration_ms integer!
    error text
  `.execute();
  await createIndex(db, 'webhook_attempts_delivery', 'webhook_attempts', ['delivery_id', 'id']).execute();
}
