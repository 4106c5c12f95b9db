/**
 * The load generator, run as a process of its own (bench/lib/load.ts forks it): autocannon here
 * would otherwise share the parent's event loop with the bookkeeping of the run. Reads one job
 * as JSON from argv, warms up, measures, and prints the figures as one JSON line.
 */
import autocannon from 'autocannon';
import type { LoadJob, LoadResult } from './load.ts';

const job = JSON.parse(process.argv[2]!) as LoadJob;
const opts = {
  url: job.url,
  method: job.method,
  connections: job.connections,
  headers: job.headers,
  ...(job.body === undefined ? {} : { body: job.body }),
};
await autocannon({ ...opts, duration: job.warmup }); // JIT, statement caches, key cache
const r = await autocannon({ ...opts, duration: job.duration });
const out: LoadResult = {
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
