import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import type { Database } from './schema.ts';
import type { RawHandle } from './vend-reader.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The driver handle under Kysely (see vend-reader.ts). */
  readonly raw: RawHandle;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize?: number };

export interface DatabaseOptions {
  /** Called once per executed statement (tests count queries with it). */
  onQuery?: (sql: string) => void;
  onIdleError?: (e: Error) => void;
}

/**
 * better-sqlite3 compiles a statement on every `prepare`; Kysely prepares per execution. Caching
 * by SQL text makes every repeated query a prepared statement (the vend path runs one).
 * Kysely opens transactions with a deferred `begin`; here they start IMMEDIATE, taking the write
 * lock first (waiting up to busy_timeout). A deferred one that read and then wrote failed at once
 * with SQLITE_BUSY when another process (a second server, `openpipes keys reencrypt`) had
 * committed in between: busy_timeout does not cover that upgrade.
 */
function cachingSqlite(raw: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (text: string) => {
          const sqlText = text === 'begin' ? 'begin immediate' : text;
          let stmt = cache.get(sqlText);
          if (!stmt) {
            stmt = target.prepare(sqlText);
            if (cache.size > 500) cache.clear();
            cache.set(sqlText, stmt);
          }
          return stmt;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * A pg client that turns every parameterised DML statement into a named prepared statement, so
 * PostgreSQL parses and plans it once per connection instead of once per request.
 */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [first, second] = args;
    if (typeof first === 'string' && Array.isArray(second) && PREPARABLE.test(first)) {
      const name = `op_${createHash('sha1').update(first).digest('hex').slice(0, 20)}`;
      return (super.query as (...a: unknown[]) => never)({ name, text: first, values: second }, ...args.slice(2));
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

/**
 * The database holds every secret (sealed) and every token hash: its directory is created 0700 and
 * the file 0600 before SQLite opens it (docs/security.md §H). SQLite gives the `-wal` and `-shm`
 * files the mode of the database file. An existing file keeps its mode (main.ts warns if it is open).
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

export function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): DatabaseHandle {
  const log = options.onQuery ? (e: LogEvent) => options.onQuery!(e.query.sql) : undefined;
  const onQuery = options.onQuery ? { onQuery: options.onQuery } : {};
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') createPrivately(target.path);
    const raw = new BetterSqlite3(target.path);
    raw.pragma('journal_mode = WAL');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingSqlite(raw) }), ...(log ? { log } : {}) });
    return { db, dialect: 'sqlite', raw: { kind: 'sqlite', db: raw, ...onQuery }, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, Client: PreparingClient });
  // An idle client dropped by the server (restart, failover) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on('error', (e) => options.onIdleError?.(e));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return { db, dialect: 'postgres', raw: { kind: 'postgres', pool, ...onQuery }, close: () => db.destroy() };
}
