import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Leases on background jobs that must run in one process at a time across every process sharing
 * the database (the health scheduler). One row per job; a holder keeps it by renewing before
 * `expires_at`, and a crashed holder's row simply lapses.
 */
export class SchedulerLeasesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Takes the lease `name` for `holder` until `until`, or renews it, in one conditional upsert:
   * it succeeds when nobody holds it, when `holder` already does, or when the holder's lease lapsed
   * before `now`. Atomic on both stores (SQLite's write lock; PostgreSQL's row lock on conflict), so
   * two processes can never both be told yes. True when `holder` holds it afterwards.
   */
  async take(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const row = await this.db
      .insertInto('scheduler_leases')
      .values({ name, holder, expires_at: until })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
          .where((eb) => eb.or([eb('scheduler_leases.holder', '=', holder), eb('scheduler_leases.expires_at', '<', now)])),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === holder;
  }

  /** Gives the lease up (a stopping process), so another takes over without waiting for it to lapse. */
  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('scheduler_leases').where('name', '=', name).where('holder', '=', holder).execute();
  }

  /** Who holds `name` and until when; null when nobody ever took it or it was released. */
  async holder(name: string): Promise<{ holder: string; expires_at: string } | null> {
    return (
      (await this.db.selectFrom('scheduler_leases').select(['holder', 'expires_at']).where('name', '=', name).executeTakeFirst()) ?? null
    );
  }
}
