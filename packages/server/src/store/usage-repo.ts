import type { Kysely } from 'kysely';
import type { UsageCount } from '../domain/usage.ts';
import type { Database } from './schema.ts';

/** Rows per statement: well under both dialects' bound-parameter limits (5 columns a row). */
const BATCH = 200;

/** The usage counters: batches added to what is stored, and the recent hours read back. */
export class UsageRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds each count to its (environment, hour, metric, outcome) row, creating it if needed. */
  async add(counts: readonly UsageCount[]): Promise<void> {
    for (let i = 0; i < counts.length; i += BATCH) {
      await this.db
        .insertInto('usage_counters')
        .values(counts.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc
            .columns(['environment_id', 'hour', 'metric', 'outcome'])
            .doUpdateSet((eb) => ({ count: eb('usage_counters.count', '+', eb.ref('excluded.count')) })),
        )
        .execute();
    }
  }

  /** Every count from `fromHour` on (of one environment, or all), oldest hour first. */
  async since(environmentId: string | null, fromHour: string): Promise<UsageCount[]> {
    let q = this.db.selectFrom('usage_counters').selectAll().where('hour', '>=', fromHour);
    if (environmentId !== null) q = q.where('environment_id', '=', environmentId);
    const rows = await q.orderBy('hour').orderBy('metric').orderBy('outcome').execute();
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }
}
