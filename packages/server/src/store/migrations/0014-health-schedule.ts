import { type Kysely, sql } from 'kysely';

/**
 * The health scheduler's two ways in (issue 12), both partial indexes over the connections it may
 * renew (`HEALTH_ELIGIBLE`), so that API-key connections, disconnected ones and OAuth ones without a
 * refresh token, however many, cost its queries nothing:
 * - by `next_health_check_at`: what is due now;
 * - never scheduled (NULL `next_health_check_at`): its own small index, since PostgreSQL, seeing
 *   the many NULLs of API-key connections in the column's statistics, would otherwise scan the
 *   table for them (measured: 160 ms at a million rows, against well under 1 ms);
 * - by `expires_at`, only rows whose token expires before their scheduled look (tokens another
 *   writer replaced, e.g. a re-authorization with a shorter-lived token): normally a handful, so the
 *   expiry condition stays cheap at a million connections.
 * 0013's plain index on next_health_check_at is superseded by the first one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('connected_accounts_next_health_check').execute();
  await sql`CREATE INDEX connected_accounts_health_due ON connected_accounts (next_health_check_at) WHERE ${sql.raw(HEALTH_ELIGIBLE)}`.execute(
    db,
  );
  await sql`CREATE INDEX connected_accounts_health_unscheduled ON connected_accounts (id) WHERE ${sql.raw(HEALTH_ELIGIBLE)} AND next_health_check_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX connected_accounts_health_expiring ON connected_accounts (expires_at) WHERE ${sql.raw(HEALTH_ELIGIBLE)} AND ${sql.raw(SCHEDULED_AFTER_EXPIRY)}`.execute(
    db,
  );
}

/**
 * Connections the scheduler renews: connected, and either client credentials (re-minted) or OAuth
 * with a refresh token. Literal SQL, repeated word for word by the scheduler's queries
 * (store/health-checks-repo.ts): SQLite and PostgreSQL use a partial index only when the query's
 * WHERE contains its predicate, and cannot see that a bound parameter would match it.
 */
export const HEALTH_ELIGIBLE =
  "state = 'connected' AND (auth_method = 'client_credentials' OR (auth_method = 'oauth' AND refresh_token IS NOT NULL))";

/** A connection scheduled later than its token expires. */
export const SCHEDULED_AFTER_EXPIRY = 'next_health_check_at > expires_at';
