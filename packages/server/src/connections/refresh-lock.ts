import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { Store } from '../store/store.ts';

/**
 * Serialises refreshes of one connection across every process sharing the database
 * (security.md §9). `withLock` runs `fn` with the row as re-read after the lock was taken, so a
 * refresh another process finished meanwhile is seen and not repeated. Writes made through the
 * `Store` handed to `fn` commit with the lock's release.
 */
export interface RefreshLock {
  withLock<T>(accountId: string, fn: (store: Store, row: AccountRow) => Promise<T>): Promise<T>;
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

/**
 * PostgreSQL: `SELECT … FOR UPDATE` in a transaction. Waiters block in the database, not in a
 * polling loop, and a crashed holder's lock vanishes with its connection (§22). `lock_timeout`
 * bounds the wait; it exceeds the outbound timeout, so a live holder always finishes first.
 */
export class PostgresRowLock implements RefreshLock {
  constructor(
    private readonly store: Store,
    private readonly lockTimeoutMs: number,
  ) {}

  withLock<T>(accountId: string, fn: (store: Store, row: AccountRow) => Promise<T>): Promise<T> {
    return this.store
      .transaction(async (tx) => {
        await sql`SELECT set_config('lock_timeout', ${`${this.lockTimeoutMs}ms`}, true)`.execute(tx.db);
        const row = await tx.db.selectFrom('connected_accounts').selectAll().where('id', '=', accountId).forUpdate().executeTakeFirst();
        if (!row) throw new LockTimeoutError('the connection no longer exists');
        return fn(tx, row);
      })
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === '55P03') throw new LockTimeoutError('another process held the refresh lock too long');
        throw e;
      });
  }
}

/**
 * SQLite: a lease column taken with a conditional UPDATE (SQLite's write lock makes it atomic
 * across processes). A holder that crashes leaves a lease that simply lapses (§22). Holding a
 * transaction instead would block every other query of this process during the provider call,
 * since one connection serves the whole process.
 */
export class SqliteLease implements RefreshLock {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly leaseMs: number,
    private readonly pollMs = 25,
  ) {}

  async withLock<T>(accountId: string, fn: (store: Store, row: AccountRow) => Promise<T>): Promise<T> {
    const deadline = this.clock.now() + this.leaseMs;
    for (;;) {
      const now = this.clock.now();
      const taken = await this.store.db
        .updateTable('connected_accounts')
        .set({ refresh_lock_until: iso(now + this.leaseMs) })
        .where('id', '=', accountId)
        .where((eb) => eb.or([eb('refresh_lock_until', 'is', null), eb('refresh_lock_until', '<', iso(now))]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) break;
      if (now > deadline) throw new LockTimeoutError('another process held the refresh lease too long');
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
    try {
      const row = await this.store.accounts.byIdOnly(accountId);
      if (!row) throw new LockTimeoutError('the connection no longer exists');
      return await fn(this.store, row);
    } finally {
      await this.store.db.updateTable('connected_accounts').set({ refresh_lock_until: null }).where('id', '=', accountId).execute();
    }
  }
}
