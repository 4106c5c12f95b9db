import { runJsonChild } from './process.ts';

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
  return runJsonChild<LoadResult>('bench/lib/load-child.ts', job);
}
