/**
 * The proxy's cost (issue 12 item 5): a stub provider API (a bare Fastify server answering
 * `GET /v1/items` with a fixed 1 KB JSON body) called directly and through OpenPipes'
 * `/proxy/stubapi/items`, in one run, alternating direct and proxied for `--pairs` rounds.
 * Reports the added latency (one request at a time: p50/p99 of proxied minus direct) and the
 * throughput ratio under `--connections` concurrent connections. OpenPipes runs on its embedded
 * SQLite (or `--postgres URL`), with a custom provider whose `api_base_url` is the stub and an
 * imported access token, so no token is renewed while measuring.
 *
 *   npm run bench:proxy
 *   npm run bench:proxy -- --duration 5 --pairs 3 --postgres postgres://postgres@127.0.0.1:5432/postgres
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiClient, must } from './lib/fixture.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { startLoopbackServer } from './lib/loopback-server.ts';
import { median, peakRssMb, runJsonChild, start, stop, type Started } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    requests: { type: 'string', default: '3000' },
    postgres: { type: 'string' },
    pairs: { type: 'string', default: '3' },
  },
});
const pairs = Math.max(1, Number(values.pairs));

/** p50/p99 in µs of sequential requests, from bench/lib/latency-child.ts. */
function latency(url: string, headers: Record<string, string>): Promise<{ p50: number; p99: number }> {
  return runJsonChild('bench/lib/latency-child.ts', { url, headers, warmup: 300, count: Number(values.requests) });
}

const tmpDir = mkdtempSync(join(tmpdir(), 'openpipes-bench-proxy-'));
const cleanups: (() => Promise<void>)[] = [];
try {
  const body = JSON.stringify({
    items: Array.from({ length: 12 }, (_, i) => ({ id: i, name: `item ${i}`, ok: true, pad: 'x'.repeat(40) })),
  });
  const stub: Started = await start(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    { BENCH_ROUTES: JSON.stringify([{ method: 'GET', url: '/v1/items', body }]) },
    /listening (\d+)/,
  );
  cleanups.unshift(() => stop(stub.child));
  const { op, apiKey, base, store } = await startLoopbackServer(tmpDir, values.postgres, cleanups);
  const call = apiClient(base, apiKey);
  await must(call, 'POST', '/data-integrations', {
    provider: 'stubapi',
    enabled: true,
    credentials: { type: 'custom', client_id: 'bench-stubapi', client_secret: 'bench-secret-stubapi' },
    custom_provider: {
      name: 'Stub API',
      authorization_url: 'https://auth.bench.test/authorize',
      token_url: 'https://auth.bench.test/token',
      api_base_url: `http://127.0.0.1:${stub.port}/v1`,
    },
  });
  await must(call, 'POST', '/user_management/users/user_bench/connected_accounts/stubapi', {
    access_token: `tok_${randomBytes(18).toString('hex')}`,
  });

  const direct = `http://127.0.0.1:${stub.port}/v1/items`;
  const proxied = `http://127.0.0.1:${op.port}/proxy/stubapi/items`;
  const proxyHeaders = { authorization: `Bearer ${apiKey}`, 'openpipes-user-id': 'user_bench' };
  const sample = await fetch(proxied, { headers: proxyHeaders });
  const sampleText = await sample.text();
  if (sample.status !== 200 || sampleText !== body) throw new Error(`proxied sample failed: ${sample.status} ${sampleText.slice(0, 300)}`);

  const connections = Number(values.connections);
  process.stdout.write(
    `proxy benchmark: ${store}, ${body.length}-byte answer; latency: ${values.requests} sequential requests; throughput: ${connections} connections, ${values.warmup} s warm-up + ${values.duration} s; ${pairs} pairs\n`,
  );
  const lat: { direct: { p50: number; p99: number }[]; proxied: { p50: number; p99: number }[] } = { direct: [], proxied: [] };
  const load: { direct: LoadResult[]; proxied: LoadResult[] } = { direct: [], proxied: [] };
  const job = (url: string, server: Started, headers: Record<string, string>) => ({
    url,
    serverPid: server.child.pid ?? 0,
    method: 'GET' as const,
    headers,
    connections,
    warmup: Number(values.warmup),
    duration: Number(values.duration),
  });
  for (let p = 0; p < pairs; p++) {
    const d = await latency(direct, {});
    const x = await latency(proxied, proxyHeaders);
    lat.direct.push(d);
    lat.proxied.push(x);
    const dl = await runLoad(job(direct, stub, {}));
    const xl = await runLoad(job(proxied, op, proxyHeaders));
    load.direct.push(dl);
    load.proxied.push(xl);
    process.stdout.write(
      `pair ${p + 1}: latency p50 direct ${Math.round(d.p50)} µs, proxied ${Math.round(x.p50)} µs (+${Math.round(x.p50 - d.p50)}); p99 direct ${Math.round(d.p99)} µs, proxied ${Math.round(x.p99)} µs (+${Math.round(x.p99 - d.p99)}); throughput direct ${Math.round(dl.rps)} req/s, proxied ${Math.round(xl.rps)} req/s, ratio ${(xl.rps / dl.rps).toFixed(2)}\n`,
    );
  }
  const med = (xs: number[]) => Math.round(median(xs));
  const added = (k: 'p50' | 'p99') => med(lat.proxied.map((x, i) => x[k] - lat.direct[i]![k]));
  const bad = [...load.direct, ...load.proxied].reduce((n, r) => n + r.non2xx + r.errors, 0);
  process.stdout.write(
    [
      '',
      `medians of ${pairs} pairs (${store}):`,
      '| | direct | through OpenPipes | added / ratio |',
      '| --- | --- | --- | --- |',
      `| latency p50 (µs, one at a time) | ${med(lat.direct.map((x) => x.p50))} | ${med(lat.proxied.map((x) => x.p50))} | +${added('p50')} |`,
      `| latency p99 (µs, one at a time) | ${med(lat.direct.map((x) => x.p99))} | ${med(lat.proxied.map((x) => x.p99))} | +${added('p99')} |`,
      `| throughput (req/s, ${connections} connections) | ${med(load.direct.map((r) => r.rps))} | ${med(load.proxied.map((r) => r.rps))} | **${median(load.proxied.map((r, i) => r.rps / load.direct[i]!.rps)).toFixed(2)}** |`,
      `| p50 / p99 under load (ms) | ${med(load.direct.map((r) => r.p50))} / ${med(load.direct.map((r) => r.p99))} | ${med(load.proxied.map((r) => r.p50))} / ${med(load.proxied.map((r) => r.p99))} | |`,
      `| non-2xx + errors | ${load.direct.reduce((n, r) => n + r.non2xx + r.errors, 0)} | ${load.proxied.reduce((n, r) => n + r.non2xx + r.errors, 0)} | |`,
      `| OpenPipes peak RSS (MB) | | ${peakRssMb(op.child.pid) ?? '?'} | |`,
      '',
    ].join('\n'),
  );
  if (bad > 0) process.exitCode = 1;
} finally {
  for (const c of cleanups) await c();
  rmSync(tmpDir, { recursive: true, force: true });
}
