/**
 * The load generator, run as a process of its own (bench/lib/load.ts forks it): autocannon here
 * would otherwise share the parent's event loop with the bookkeeping of the run. Reads one job
 * as JSON from argv, warms up, measures, and prints the figures as one JSON line.
 */
import { readFileSync } from 'node:fs';
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
/** The measured server's user + system CPU time so far, in clock ticks (Linux /proc; 0 elsewhere). */
const cpuTicks = (): number => {
  try {
    const fields = readFileSync(`/proc/${job.serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};
await autocannon({ ...opts, duration: job.warmup }); // JIT, statement caches, key cache
const before = cpuTicks();
const r = await autocannon({ ...opts, duration: job.duration });
const ticks = cpuTicks() - before;
const out: LoadResult = {
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
  // Ticks are 10 ms (USER_HZ 100 on Linux).
  cpuUsPerRequest: r.requests.total > 0 ? (ticks * 10_000) / r.requests.total : 0,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
