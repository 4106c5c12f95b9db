import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

/** Where the test PostgreSQL is; CI and these machines run one on 127.0.0.1:5432 with trust auth. */
export const PG_ADMIN_URL = process.env.OPENPIPES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const urlFor = (database: string): string => {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

export async function pgReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/**
 * A fresh database for one test suite, named after the run (see global-setup.ts) so the run's
 * teardown drops whatever a crashed suite left.
 */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const run = process.env.OPENPIPES_TEST_RUN ?? `r${process.pid}`;
  const name = `${run}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    url: urlFor(name),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function dropRunDatabases(run: string): Promise<number> {
  return admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${run}\\_%`]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    return rows.length;
  });
}

/** A plain-SQL pg_dump of the database at `url`: what an operator's backup of it would hold. */
export async function pgDump(url: string): Promise<Buffer> {
  const { stdout } = await promisify(execFile)('/usr/bin/pg_dump', ['--no-owner', '--no-privileges', url], {
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'buffer',
  });
  return stdout;
}
