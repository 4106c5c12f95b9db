/**
 * Child processes of the benchmarks: the servers measured and the load generator each run in a
 * process of their own, so none of them shares an event loop (or a CPU slice) with another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export interface Started {
  child: ChildProcess;
  port: number;
}

const stopping = new WeakSet<ChildProcess>();

/** Spawns `node args…` and resolves once its output matches `ready` (group 1: the port). */
export function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<Started> {
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
    child.once('exit', (code, signal) => {
      // Before it was ready: the start failed. After: a measured server died mid-run, which must not
      // pass for a slow one, so its last words go to stderr.
      fail(new Error(`exited ${code ?? signal}: ${seen}`));
      if (!stopping.has(child))
        process.stderr.write(`\n${args.join(' ')} exited ${code ?? signal} during the run:\n${seen.slice(-4000)}\n`);
    });
  });
}

/**
 * Runs a measuring child (`node --import tsx script '<job as JSON>'`) and resolves to the JSON on the
 * last line it prints; its stderr goes to ours.
 */
export function runJsonChild<T>(script: string, job: unknown): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(job)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((ok, fail) =>
    child.once('exit', (code) =>
      code === 0 ? ok(JSON.parse(out.trim().split('\n').pop()!) as T) : fail(new Error(`${script} exited ${code}`)),
    ),
  );
}

/** Peak resident set size of a live process in MB (Linux `VmHWM`); null where /proc is missing. */
export function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Stops a child and waits for it to be gone. */
export function stop(child: ChildProcess): Promise<void> {
  stopping.add(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
