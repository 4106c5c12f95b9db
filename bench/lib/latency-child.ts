/**
 * Latency of one request at a time, measured in its own process (bench/proxy.ts forks it):
 * `count` sequential GETs over one kept-alive connection after `warmup` unmeasured ones, each
 * timed from send to the last body byte with a monotonic clock. Prints p50/p99 in µs as JSON.
 */
import { Pool } from 'undici';

interface LatencyJob {
  url: string;
  headers: Record<string, string>;
  warmup: number;
  count: number;
}

const job = JSON.parse(process.argv[2]!) as LatencyJob;
const url = new URL(job.url);
const pool = new Pool(url.origin, { connections: 1 });
const path = `${url.pathname}${url.search}`;
const once = async (): Promise<number> => {
  const t0 = process.hrtime.bigint();
  const res = await pool.request({ method: 'GET', path, headers: job.headers });
  await res.body.arrayBuffer();
  if (res.statusCode !== 200) throw new Error(`${job.url} answered ${res.statusCode}`);
  return Number(process.hrtime.bigint() - t0) / 1000;
};
for (let i = 0; i < job.warmup; i++) await once();
const times: number[] = [];
for (let i = 0; i < job.count; i++) times.push(await once());
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
await pool.close();
process.stdout.write(`${JSON.stringify({ p50: at(0.5), p99: at(0.99) })}\n`);
