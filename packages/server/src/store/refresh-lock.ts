import { type Kysely, sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

/**
 * Serialises refreshes of one connection across every process sharing the database
 * (docs/security.md §9). `withLock` runs `fn` with the account as re-read after the lock was
 * taken, so a refresh another process finished meanwhile is seen and not repeated. Writes made
 * through the `Store` handed to `fn` commit with the lock's release.
 */
export interface RefreshLock {
  withLock<T>(accountId: string, fn: (store: Store, account: ConnectedAccount) => Promise<T>): Promise<T>;
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

  withLock<T>(accountId: string, fn: (store: Store, account: ConnectedAccount) => Promise<T>): Promise<T> {
    return this.store
      .transaction(async (tx) => {
        await tx.setLockTimeout(this.lockTimeoutMs);
        const account = await tx.accounts.byIdForUpdate(accountId);
        if (!account) throw new LockTimeoutError('the connection no longer exists');
        return fn(tx, account);
      })
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === '55P03') throw new LockTimeoutError('another process held the refresh lock too long');
        throw e;
      });
  }
}

/** `SET LOCAL lock_timeout` for the current PostgreSQL transaction. */
export async function setLockTimeout(db: Kysely<Database>, ms: number): Promise<void> {
  await sql`SELECT set_config('lock_timeout', ${`${ms}ms`}, true)`.execute(db);
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

  async withLock<T>(accountId: string, fn: (store: Store, account: ConnectedAccount) => Promise<T>): Promise<T> {
    const { accounts } = this.store;
    const deadline = this.clock.now() + this.leaseMs;
    for (;;) {
      const now = this.clock.now();
      if (await accounts.takeRefreshLease(accountId, iso(now), iso(now + this.leaseMs))) break;
      if (now > deadline) throw new LockTimeoutError('another process held the refresh lease too long');
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
    try {
      const account = await accounts.byIdOnly(accountId);
      if (!account) throw new LockTimeoutError('the connection no longer exists');
      return await fn(this.store, account);
    } finally {
      await accounts.releaseRefreshLease(accountId);
    }
  }
}
