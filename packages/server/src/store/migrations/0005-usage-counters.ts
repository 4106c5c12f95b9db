import type { Kysely } from 'kysely';
import { createIndex, createTable } from './table.ts';

// Usage by the hour (vends, refreshes, by outcome): counted in memory by each process and added
// here in batches, one row per (environment, hour, metric, outcome).
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'usage_counters')`
    environment_id text! -> environments.id cascade
    hour text!
    metric text!
    outcome text!
    count integer!
  `
    .addPrimaryKeyConstraint('usage_counters_pk', ['environment_id', 'hour', 'metric', 'outcome'])
    .execute();
  await createIndex(db, 'usage_counters_hour', 'usage_counters', ['hour']).execute();
}
