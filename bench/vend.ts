/**
 * Vend-path benchmark: OpenPipes `POST /data-integrations/:slug/token` (API-key check, one indexed
 * read, one decryption, serialization) against a bare Fastify server answering the same body.
 * Both run as child processes; autocannon drives them from this process, alternating bare and
 * OpenPipes for `--pairs` rounds, and the medians are compared (the machine is shared: only ratios
 * measured in one run mean anything).
 *
 *   npm run bench                    # SQLite (the default store)
 *   npm run bench -- --postgres URL  # PostgreSQL
 *   npm run bench -- --duration 20 --connections 64 --pairs 5
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    postgres: { type: 'string' },
    pairs: { type: 'string', default: '3' },
  },
});
const pairs = Math.max(1, Number(values.pairs));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const duration = Number(values.duration);
const connections = Number(values.connections);
const root = resolve(import.meta.dirname, '..');
const apiKey = `sk_test_bench_${randomBytes(16).toString('hex')}`;

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  return new Promise((ok, fail) => {
    const onData = (d: Buffer) => {
      seen += d.toString();
      const m = ready.exec(seen);
      if (m) ok({ child, port: Number(m[1]) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${seen}`)));
  });
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, text: await res.text() };
}

async function load(url: string, body: string): Promise<autocannon.Result> {
  const opts = {
    url,
    method: 'POST' as const,
    body,
    connections,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, statement caches, key cache
  return autocannon({ ...opts, duration });
}

const dataDir = mkdtempSync(join(tmpdir(), 'openpipes-bench-'));
const children: ChildProcess[] = [];
try {
  const env: Record<string, string> = {
    PORT: '0',
    OPENPIPES_DATA_DIR: dataDir,
    OPENPIPES_API_KEY: apiKey,
    OPENPIPES_LOG_LEVEL: 'warn',
    OPENPIPES_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    // One key at tens of thousands of requests a second: far past the default per-key limit. Raised,
    // not turned off, so the limiter's cost is part of what is measured.
    OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '1000000000',
    ...(values.postgres ? { OPENPIPES_DATABASE_URL: values.postgres } : {}),
  };
  const op = await start(['packages/server/bin/openpipes.js', 'serve'], env, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
  children.push(op.child);
  const base = `http://127.0.0.1:${op.port}`;
  const created = await call(base, 'POST', '/data-integrations', {
    provider: 'github',
    enabled: true,
    credentials: { type: 'custom', client_id: 'bench', client_secret: 'bench-secret' },
  });
  if (created.status !== 201 && created.status !== 409) throw new Error(`setup failed: ${created.status} ${created.text}`);
  const imported = await call(base, 'POST', '/user_management/users/user_bench/connected_accounts/github', {
    access_token: `gho_${randomBytes(18).toString('hex')}`,
    scopes: ['repo', 'read:user'],
  });
  if (imported.status >= 300) throw new Error(`import failed: ${imported.status} ${imported.text}`);
  const requestBody = JSON.stringify({ user_id: 'user_bench' });
  const sample = await call(base, 'POST', '/data-integrations/github/token', { user_id: 'user_bench' });
  if (sample.status !== 200 || !sample.text.includes('"active":true')) throw new Error(`vend failed: ${sample.status} ${sample.text}`);

  const bare = await start(['--import', 'tsx', 'bench/bare-server.ts'], { BENCH_BODY: sample.text }, /listening (\d+)/);
  children.push(bare.child);

  const store = values.postgres ? 'PostgreSQL' : 'SQLite';
  process.stdout.write(
    `vend benchmark: ${connections} connections, ${duration} s each, ${pairs} pairs, body ${sample.text.length} bytes, store ${store}\n`,
  );
  const bareRuns: autocannon.Result[] = [];
  const opRuns: autocannon.Result[] = [];
  for (let i = 0; i < pairs; i++) {
    bareRuns.push(await load(`http://127.0.0.1:${bare.port}/data-integrations/github/token`, requestBody));
    opRuns.push(await load(`${base}/data-integrations/github/token`, requestBody));
    const ratio = opRuns[i]!.requests.average / bareRuns[i]!.requests.average;
    process.stdout.write(
      `pair ${i + 1}: bare ${Math.round(bareRuns[i]!.requests.average)} req/s, OpenPipes ${Math.round(opRuns[i]!.requests.average)} req/s, ratio ${ratio.toFixed(2)}\n`,
    );
  }
  const row = (name: string, runs: autocannon.Result[]) =>
    `| ${name} | ${Math.round(median(runs.map((r) => r.requests.average)))} | ${median(runs.map((r) => r.latency.p50))} | ${median(runs.map((r) => r.latency.p99))} | ${runs.reduce((n, r) => n + r.non2xx, 0)} | ${runs.reduce((n, r) => n + r.errors, 0)} |`;
  const ratio = median(opRuns.map((r, i) => r.requests.average / bareRuns[i]!.requests.average));
  process.stdout.write(
    [
      '',
      `medians of ${pairs} pairs:`,
      '| server | req/s | p50 ms | p99 ms | non-2xx | errors |',
      '| --- | --- | --- | --- | --- | --- |',
      row('bare Fastify (same body)', bareRuns),
      row(`OpenPipes vend (${store})`, opRuns),
      '',
      `median ratio OpenPipes / bare: ${ratio.toFixed(2)}`,
      '',
    ].join('\n'),
  );
  if (opRuns.some((r) => r.non2xx > 0 || r.errors > 0)) process.exitCode = 1;
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
