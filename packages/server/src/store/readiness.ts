import { type Kysely, sql } from 'kysely';
import { pendingMigrations } from './migrate.ts';
import type { Readiness } from '../domain/readiness.ts';
import type { Database } from './schema.ts';

/** A probe must answer even when the database does not (a PostgreSQL connect can hang): give up after this. */
const PROBE_TIMEOUT_MS = 2_000;

export async function checkReadiness(db: Kysely<Database>, timeoutMs = PROBE_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('readiness probe timed out')), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), deadline]);
  } catch {
    clearTimeout(timer);
    return { ready: false, database: 'unreachable' };
  }
  try {
    const pending = await Promise.race([pendingMigrations(db), deadline]);
    return pending.length === 0 ? { ready: true } : { ready: false, database: 'ok', pending_migrations: pending };
  } catch {
    return { ready: false, database: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
