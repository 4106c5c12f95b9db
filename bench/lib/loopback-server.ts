import { randomBytes } from 'node:crypto';
import { scratchDatabase } from './postgres.ts';
import { start, type Started, stop } from './process.ts';

/** A running OpenPipes for a bench whose provider listens on 127.0.0.1, and what a client needs. */
export interface LoopbackServer {
  op: Started;
  apiKey: string;
  /** `http://127.0.0.1:<port>` */
  base: string;
  store: 'SQLite' | 'PostgreSQL';
}

/**
 * Starts `openpipes serve` in a child process on a fresh store — SQLite in `dataDir`, or a scratch
 * database on the `postgres` server — with a generated API key and keyring, the per-key limit
 * raised far past the load (not off, so its cost stays measured) and plain-http provider URLs
 * allowed (the bench's provider is local). Its cleanups go on `cleanups` (run in order).
 */
export async function startLoopbackServer(
  dataDir: string,
  postgres: string | undefined,
  cleanups: (() => Promise<void>)[],
): Promise<LoopbackServer> {
  let databaseUrl: string | null = null;
  if (postgres) {
    const scratch = await scratchDatabase(postgres);
    cleanups.push(scratch.drop);
    databaseUrl = scratch.url;
  }
  const apiKey = `sk_test_bench_${randomBytes(16).toString('hex')}`;
  const op = await start(
    ['packages/server/bin/openpipes.js', 'serve'],
    {
      PORT: '0',
      OPENPIPES_DATA_DIR: dataDir,
      OPENPIPES_API_KEY: apiKey,
      OPENPIPES_LOG_LEVEL: 'warn',
      OPENPIPES_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '1000000000',
      OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'true',
      ...(databaseUrl ? { OPENPIPES_DATABASE_URL: databaseUrl } : {}),
    },
    /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  );
  cleanups.unshift(() => stop(op.child));
  return { op, apiKey, base: `http://127.0.0.1:${op.port}`, store: databaseUrl ? 'PostgreSQL' : 'SQLite' };
}
