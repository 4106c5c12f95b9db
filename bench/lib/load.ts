import { spawn } from 'node:child_process';
import { root } from './process.ts';

export interface LoadJob {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  body?: string;
  headers: Record<string, string>;
  connections: number;
  warmup: number;
  duration: number;
  /** The measured server: its CPU time over the measured part is reported per request. */
  serverPid: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /**
   * The server's CPU time (user + system) per answered request, in µs: unlike requests/s, it
   * hardly moves when other jobs share the machine, so it is the figure to compare changes by.
   */
  cpuUsPerRequest: number;
}

/** Runs one autocannon measurement in a child process (bench/lib/load-child.ts). */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/load-child.ts', JSON.stringify(job)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((ok, fail) =>
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`load generator exited ${code}`));
      ok(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
    }),
  );
}
