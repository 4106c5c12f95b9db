import { type Kysely, sql } from 'kysely';
import type { HealthCheckResult } from '../domain/connected-account.ts';
import { HEALTH_ELIGIBLE, SCHEDULED_AFTER_EXPIRY } from './migrations/0014-health-schedule.ts';
import type { Database } from './schema.ts';

const TABLE = 'connected_accounts';
/** The partial indexes' predicates, word for word (see 0014-health-schedule.ts for why). */
const eligible = sql<boolean>`${sql.raw(HEALTH_ELIGIBLE)}`;
const scheduledAfterExpiry = sql<boolean>`${sql.raw(SCHEDULED_AFTER_EXPIRY)}`;
/** A due connection's columns, its provider's slug read by primary key in the same statement. */
const provider = sql<string>`(SELECT slug FROM data_integrations WHERE data_integrations.id = ${sql.ref(`${TABLE}.integration_id`)})`;
const DUE_COLUMNS = ['id', 'health_check_failures', provider.as('provider')] as const;

/** A connection the health scheduler is to look at, and its provider (the integration's slug). */
export interface HealthDue {
  id: string;
  provider: string;
  /** Temporary failures in a row so far (the backoff's exponent). */
  health_check_failures: number;
}

/** A connection the scheduler has not scheduled yet, with what its first time depends on. */
export interface Unscheduled {
  id: string;
  expires_at: string | null;
  updated_at: string;
}

/** What one look of the scheduler leaves on a connection. */
export interface HealthRecord {
  last_health_check_at: string;
  last_health_check_result: HealthCheckResult;
  health_check_failures: number;
  next_health_check_at: string | null;
}

/**
 * The health scheduler's reads and writes of connections. Every read goes through one of the two
 * partial indexes of migration 0014; no write here touches `updated_at` (a look at a connection
 * changes nothing about it, and the refresh margin counts from it) nor a column the listings read.
 */
export class HealthChecksRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Up to `limit` connections the scheduler never scheduled (NULL `next_health_check_at`). */
  unscheduled(limit: number): Promise<Unscheduled[]> {
    return this.db
      .selectFrom(TABLE)
      .select(['id', 'expires_at', 'updated_at'])
      .where(eligible)
      .where('next_health_check_at', 'is', null)
      .limit(limit)
      .execute();
  }

  /**
   * Up to `limit` connections due at `now`: scheduled for now or earlier (oldest first), and those
   * whose token expires within (now, `horizon`] before their scheduled look.
   */
  async due(now: string, horizon: string, limit: number): Promise<HealthDue[]> {
    const scheduled = await this.db
      .selectFrom(TABLE)
      .select(DUE_COLUMNS)
      .where(eligible)
      .where('next_health_check_at', '<=', now)
      .orderBy('next_health_check_at')
      .limit(limit)
      .execute();
    if (scheduled.length >= limit) return scheduled;
    const expiring = await this.db
      .selectFrom(TABLE)
      .select(DUE_COLUMNS)
      .where(eligible)
      .where(scheduledAfterExpiry)
      .where('expires_at', '>', now)
      .where('expires_at', '<=', horizon)
      .orderBy('expires_at')
      .limit(limit - scheduled.length)
      .execute();
    const seen = new Set(scheduled.map((r) => r.id));
    return [...scheduled, ...expiring.filter((r) => !seen.has(r.id))];
  }

  /** Sets when the scheduler looks at a connection next, nothing else. */
  async schedule(id: string, next: string | null): Promise<void> {
    await this.db.updateTable(TABLE).set({ next_health_check_at: next }).where('id', '=', id).execute();
  }

  /** Records one look's result and when to look again. */
  async record(id: string, record: HealthRecord): Promise<void> {
    await this.db.updateTable(TABLE).set(record).where('id', '=', id).execute();
  }
}
