/**
 * Side-by-side benchmark (issue 10): each measured OpenPipes route against a bare Fastify server
 * answering the same method and path with a static body of the same size, in one run, alternating
 * bare and OpenPipes for `--pairs` rounds; medians compared. Both servers and the load generator
 * (autocannon, bench/lib/load-child.ts) are separate child processes. Only ratios measured in one
 * run mean anything: the machine is shared.
 *
 *   npm run bench                                 # SQLite, vend + R1 + R2 + R3
 *   npm run bench -- --postgres URL               # PostgreSQL (a scratch database on that server)
 *   npm run bench -- --only vend,r1 --duration 5 --pairs 3
 *   npm run bench -- --seeded DIR                 # a store filled by `npm run bench:seed`
 *   npm run bench -- --cpu-prof DIR               # OpenPipes writes a .cpuprofile there on exit
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apiClient, buildFixture, createIntegrations, type Fixture } from './lib/fixture.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { scratchDatabase } from './lib/postgres.ts';
import { median, peakRssMb, start, stop, type Started } from './lib/process.ts';
import { readManifest } from './lib/seed-manifest.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    postgres: { type: 'string' },
    pairs: { type: 'string', default: '3' },
    only: { type: 'string', default: 'vend,r1,r2,r3' },
    seeded: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const pairs = Math.max(1, Number(values.pairs));
const only = new Set(values.only.split(',').map((s) => s.trim().toLowerCase()));

interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
  /** Checks a sample answer is the one meant to be measured (not an error with a 200). */
  expect: string;
}

const scenarios = (f: Fixture): Scenario[] =>
  [
    {
      name: 'vend',
      method: 'POST' as const,
      path: `/data-integrations/${f.vendSlug}/token`,
      body: JSON.stringify({ user_id: f.userId, organization_id: f.organizationId }),
      expect: '"active":true',
    },
    {
      name: 'r1',
      method: 'GET' as const,
      path: `/user_management/users/${f.userId}/data_providers?organization_id=${f.organizationId}`,
      expect: '"object":"list"',
    },
    {
      name: 'r2',
      method: 'GET' as const,
      path: `/organizations/${f.organizationId}/data_integration_configurations`,
      expect: '"object":"list"',
    },
    {
      name: 'r3',
      method: 'PUT' as const,
      path: `/organizations/${f.writeOrganizationId}/data_integration_configurations/${f.writeSlug}`,
      body: JSON.stringify({ enabled: true }),
      expect: '"object":"data_integration_configuration"',
    },
  ].filter((s) => only.has(s.name));

const tmpDir = mkdtempSync(join(tmpdir(), 'openpipes-bench-'));
const cleanups: (() => Promise<void>)[] = [];
try {
  const manifest = values.seeded ? readManifest(resolve(values.seeded)) : null;
  let databaseUrl = manifest?.databaseUrl ?? null;
  if (!manifest && values.postgres) {
    const scratch = await scratchDatabase(values.postgres);
    cleanups.push(scratch.drop);
    databaseUrl = scratch.url;
  }
  const apiKey = manifest?.apiKey ?? `sk_test_bench_${randomBytes(16).toString('hex')}`;
  const env: Record<string, string> = {
    PORT: '0',
    OPENPIPES_DATA_DIR: manifest ? resolve(values.seeded!) : tmpDir,
    OPENPIPES_API_KEY: apiKey,
    OPENPIPES_LOG_LEVEL: 'warn',
    OPENPIPES_ENCRYPTION_KEYS: manifest?.encryptionKeys ?? `bench:${randomBytes(32).toString('base64')}`,
    // One key at tens of thousands of requests a second: far past the default per-key limit. Raised,
    // not turned off, so the limiter's cost is part of what is measured.
    OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '1000000000',
    ...(databaseUrl ? { OPENPIPES_DATABASE_URL: databaseUrl } : {}),
  };
  const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : [];
  const op = await start([...profile, 'packages/server/bin/openpipes.js', 'serve'], env, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
  cleanups.unshift(() => stop(op.child));
  const base = `http://127.0.0.1:${op.port}`;
  const call = apiClient(base, apiKey);
  const fixture = manifest?.fixture ?? (await buildFixture(call, await createIntegrations(call, 30)));

  const list = scenarios(fixture);
  const samples: string[] = [];
  for (const s of list) {
    const res = await call(s.method, s.path, s.body === undefined ? undefined : JSON.parse(s.body));
    if (res.status !== 200 || !res.text.includes(s.expect)) throw new Error(`${s.name} sample failed: ${res.status} ${res.text}`);
    samples.push(res.text);
  }
  const bare: Started = await start(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    { BENCH_ROUTES: JSON.stringify(list.map((s, i) => ({ method: s.method, url: s.path.split('?')[0], body: samples[i] }))) },
    /listening (\d+)/,
  );
  cleanups.unshift(() => stop(bare.child));

  const store = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const connections = Number(values.connections);
  const seeded = manifest ? `, seeded store of ${manifest.accounts} accounts` : '';
  process.stdout.write(
    `benchmark: ${store}${seeded}, ${connections} connections, ${values.warmup} s warm-up + ${values.duration} s each, ${pairs} pairs\n`,
  );
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const job = (server: Started, s: Scenario) => ({
    url: `http://127.0.0.1:${server.port}${s.path}`,
    serverPid: server.child.pid ?? 0,
    method: s.method,
    headers,
    connections,
    warmup: Number(values.warmup),
    duration: Number(values.duration),
    ...(s.body === undefined ? {} : { body: s.body }),
  });
  const rows: string[] = [];
  let failed = false;
  for (const [i, s] of list.entries()) {
    const bareRuns: LoadResult[] = [];
    const opRuns: LoadResult[] = [];
    for (let p = 0; p < pairs; p++) {
      bareRuns.push(await runLoad(job(bare, s)));
      opRuns.push(await runLoad(job(op, s)));
      const b = bareRuns[p]!;
      const o = opRuns[p]!;
      process.stdout.write(
        `${s.name} pair ${p + 1}: bare ${Math.round(b.rps)} req/s, OpenPipes ${Math.round(o.rps)} req/s, ratio ${(o.rps / b.rps).toFixed(2)}; CPU per request bare ${Math.round(b.cpuUsPerRequest)} µs, OpenPipes ${Math.round(o.cpuUsPerRequest)} µs, ratio ${(b.cpuUsPerRequest / o.cpuUsPerRequest).toFixed(2)}\n`,
      );
    }
    const m = (runs: LoadResult[], k: 'rps' | 'p50' | 'p99' | 'cpuUsPerRequest') => Math.round(median(runs.map((r) => r[k])));
    const ratio = median(opRuns.map((r, p) => r.rps / bareRuns[p]!.rps));
    const cpuRatio = median(opRuns.map((r, p) => bareRuns[p]!.cpuUsPerRequest / r.cpuUsPerRequest));
    const bad = [...bareRuns, ...opRuns].reduce((n, r) => n + r.non2xx + r.errors, 0);
    failed ||= bad > 0;
    rows.push(
      `| ${s.name} | ${samples[i]!.length} | ${m(bareRuns, 'rps')} | ${m(opRuns, 'rps')} | **${ratio.toFixed(2)}** | ${m(bareRuns, 'p50')} / ${m(bareRuns, 'p99')} | ${m(opRuns, 'p50')} / ${m(opRuns, 'p99')} | ${m(bareRuns, 'cpuUsPerRequest')} / ${m(opRuns, 'cpuUsPerRequest')} | ${cpuRatio.toFixed(2)} | ${bad} | ${peakRssMb(op.child.pid) ?? '?'} |`,
    );
  }
  process.stdout.write(
    [
      '',
      `medians of ${pairs} pairs (${store}${seeded}); peak RSS = OpenPipes VmHWM after the scenario:`,
      '| route | body bytes | bare req/s | OpenPipes req/s | ratio | bare p50 / p99 ms | OpenPipes p50 / p99 ms | CPU µs per request bare / OpenPipes | CPU ratio | non-2xx + errors | OpenPipes peak RSS MB |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
  if (failed) process.exitCode = 1;
} finally {
  for (const c of cleanups) await c();
  rmSync(tmpDir, { recursive: true, force: true });
}
