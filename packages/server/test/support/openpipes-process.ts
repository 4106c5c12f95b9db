/**
 * `openpipes serve` as a real child process (the shipped bin, through tsx), for tests that need
 * several OpenPipes processes on one database. Listens on 127.0.0.1 with a free port (PORT=0);
 * the URL is read from the "listening on" line the CLI writes to stderr.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/openpipes.js');

export interface OpenPipesProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Everything the process wrote to stdout so far (the request log). */
  stdout(): string;
  /** Settles when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** JSON request with the API key; never throws on HTTP errors. */
  request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers; text: string }>;
  /** SIGTERM, then SIGKILL after `graceMs`; removes the data dir. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  apiKey: string;
  /** Further environment variables (OPENPIPES_DATABASE_URL, OPENPIPES_ENCRYPTION_KEYS, …). */
  env: Record<string, string>;
  /** How long to wait for the listening line. Default 30 s. */
  startTimeoutMs?: number;
}

/** `k1:<base64 of 32 random bytes>` */
export const randomKeySpec = (kid = 'k1'): string => `${kid}:${randomBytes(32).toString('base64')}`;

/** An `sk_test_…` key OPENPIPES_API_KEY accepts. */
export const randomApiKey = (): string => `sk_test_${randomBytes(24).toString('hex')}`;

export async function spawnOpenPipes(opts: SpawnOptions): Promise<OpenPipesProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpipes-proc-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      OPENPIPES_DATA_DIR: dataDir,
      OPENPIPES_API_KEY: opts.apiKey,
      OPENPIPES_LOG_LEVEL: 'warn',
      ...opts.env,
      HOST: '127.0.0.1',
      PORT: '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  let exited = false;
  const exitPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      exited = true;
      done({ code, signal });
    }),
  );
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });

  let stopped: Promise<void> | undefined;
  const stop = (graceMs = 5000): Promise<void> => {
    stopped ??= (async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          if (!exited) child.kill('SIGKILL');
        }, graceMs);
        await exitPromise;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  let url: string;
  try {
    url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`openpipes serve did not start within ${opts.startTimeoutMs ?? 30_000} ms: ${err}`)),
        opts.startTimeoutMs ?? 30_000,
      );
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString('utf8');
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`openpipes serve exited with ${code}: ${err}`));
      });
    });
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    url,
    pid: child.pid!,
    stderr: () => err,
    stdout: () => out,
    exited: exitPromise,
    async request(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${opts.apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }).catch((e: unknown) => {
        // Say why: a process that died (or was killed) leaves its exit and last words.
        const state = exited ? `exited (code ${child.exitCode}, signal ${child.signalCode})` : 'running';
        throw new Error(
          `${method} ${path} to openpipes pid ${child.pid} (${state}) failed: ${(e as Error).message}; stderr: ${err.slice(-2000)}`,
          { cause: e },
        );
      });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed as any, headers: res.headers, text };
    },
    stop,
  };
}
