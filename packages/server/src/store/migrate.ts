import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './migrations/0001-initial.ts';
import * as flows from './migrations/0002-flows.ts';
import * as webhooks from './migrations/0003-webhooks.ts';
import * as operators from './migrations/0004-operators.ts';
import * as usageCounters from './migrations/0005-usage-counters.ts';
import * as flowHandoff from './migrations/0006-flow-handoff.ts';
import * as shortLastFour from './migrations/0007-short-last-four.ts';
import * as keyRotation from './migrations/0008-key-rotation.ts';
import * as idempotencyApiKey from './migrations/0009-idempotency-api-key.ts';
import * as refreshInDoubt from './migrations/0010-refresh-in-doubt.ts';
import * as readModelVersions from './migrations/0011-read-model-versions.ts';
import * as tokenLifetime from './migrations/0012-token-lifetime.ts';
import * as connectionHealth from './migrations/0013-connection-health.ts';
import * as healthSchedule from './migrations/0014-health-schedule.ts';
import type { Database } from './schema.ts';

/** Migrations ship in the code (no directory scan), in order; forward-only. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-flows': flows,
  '0003-webhooks': webhooks,
  '0004-operators': operators,
  '0005-usage-counters': usageCounters,
  '0006-flow-handoff': flowHandoff,
  '0007-short-last-four': shortLastFour,
  '0008-key-rotation': keyRotation,
  '0009-idempotency-api-key': idempotencyApiKey,
  '0010-refresh-in-doubt': refreshInDoubt,
  '0011-read-model-versions': readModelVersions,
  '0012-token-lifetime': tokenLifetime,
  '0013-connection-health': connectionHealth,
  '0014-health-schedule': healthSchedule,
};

const migratorFor = (db: Kysely<Database>): Migrator => new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The code's migrations the database has not applied yet, in order (read-only: creates nothing). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  return (await migratorFor(db).getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
