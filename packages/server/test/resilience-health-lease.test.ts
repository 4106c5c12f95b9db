/**
 * The health scheduler across real processes (`openpipes serve` with OPENPIPES_HEALTH_SCHEDULER=true),
 * on one PostgreSQL database and on one SQLite file: exactly one process holds the scheduler lease
 * at any moment (each process's `openpipes_health_scheduler_lease` gauge on /metrics, sampled
 * throughout); killing the holder (SIGKILL: its lease row stays behind) hands the job to the other
 * once the lease has lapsed, and not before. The lease is shortened to 2 s with the tests-only
 * OPENPIPES_TEST_HEALTH_LEASE_SECONDS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDialect } from './support/dialects.ts';
import { randomApiKey, randomKeySpec, spawnOpenPipes, type OpenPipesProcess } from './support/openpipes-process.ts';
import { createTestDatabase } from './support/postgres.ts';

const LEASE_S = 2;

interface LeaseRow {
  holder: string;
  expires_at: string;
}

/** A database two processes share, and a way to read the lease row from outside them. */
async function sharedDatabase(
  dialect: TestDialect,
): Promise<{ url: string; lease: () => Promise<LeaseRow | null>; drop: () => Promise<void> }> {
  if (dialect === 'postgres') {
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return {
      url: db.url,
      lease: async () => {
        const r = await client
          .query<LeaseRow>("SELECT holder, expires_at FROM scheduler_leases WHERE name = 'health-scheduler'")
          .catch(() => null);
        return r?.rows[0] ?? null;
      },
      drop: async () => {
        await client.end();
        await db.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'openpipes-health-lease-'));
  const path = join(dir, 'openpipes.db');
  return {
    url: `sqlite:${path}`,
    lease: async () => {
      let db: BetterSqlite3.Database | null = null;
      try {
        db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
        return (
          (db.prepare("SELECT holder, expires_at FROM scheduler_leases WHERE name = 'health-scheduler'").get() as LeaseRow | undefined) ??
          null
        );
      } catch {
        return null; // not migrated yet
      } finally {
        db?.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** 1 when the process says it holds the lease, 0 when not, null when it does not answer. */
async function holds(p: OpenPipesProcess): Promise<number | null> {
  try {
    const res = await fetch(`${p.url}/metrics`);
    const line = (await res.text()).split('\n').find((l) => l.startsWith('openpipes_health_scheduler_lease '));
    return line ? Number(line.split(' ')[1]) : 0;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DIALECTS)('health scheduler lease across processes on %s', (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('one holder at a time; a killed holder is replaced once its lease lapses', async () => {
    const db = await sharedDatabase(dialect);
    cleanups.push(db.drop);
    const apiKey = randomApiKey();
    const env = {
      NODE_ENV: 'test',
      OPENPIPES_DATABASE_URL: db.url,
      OPENPIPES_ENCRYPTION_KEYS: randomKeySpec('k1'),
      OPENPIPES_METRICS: 'true',
      OPENPIPES_HEALTH_SCHEDULER: 'true',
      OPENPIPES_TEST_HEALTH_LEASE_SECONDS: String(LEASE_S),
    };
    const processes: OpenPipesProcess[] = [];
    // One at a time: the first migrates the database.
    for (let i = 0; i < 2; i++) {
      const p = await spawnOpenPipes({ apiKey, env, startTimeoutMs: 120_000 });
      processes.push(p);
      cleanups.push(() => p.stop());
    }

    // Sampled for a few lease lengths: never two holders, and one as soon as it has ticked.
    let holder: OpenPipesProcess | null = null;
    for (let i = 0; i < 30; i++) {
      const gauges = await Promise.all(processes.map(holds));
      expect(gauges.reduce<number>((a, b) => a + (b ?? 0), 0)).toBeLessThanOrEqual(1);
      if (gauges.includes(1)) holder = processes[gauges.indexOf(1)]!;
      await sleep(200);
    }
    expect(holder, 'a process took the lease').not.toBeNull();
    const other = processes.find((p) => p !== holder)!;
    const before = await db.lease();
    expect(before).not.toBeNull();

    process.kill(holder!.pid, 'SIGKILL');
    await holder!.exited;
    const killedAt = Date.now();
    const lapsesAt = Date.parse((await db.lease())!.expires_at);
    let tookOverAt: number | null = null;
    while (Date.now() < killedAt + 20_000) {
      if ((await holds(other)) === 1) {
        tookOverAt = Date.now();
        break;
      }
      await sleep(100);
    }
    expect(tookOverAt, 'the survivor took over').not.toBeNull();
    const after = await db.lease();
    expect(after!.holder).not.toBe(before!.holder);
    // Taken over after the dead holder's lease lapsed (the row says when it was renewed), not before.
    expect(Date.parse(after!.expires_at) - LEASE_S * 1000).toBeGreaterThanOrEqual(lapsesAt);
    expect(tookOverAt!).toBeGreaterThanOrEqual(lapsesAt);
  }, 300_000);
});
