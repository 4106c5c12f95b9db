/**
 * Packaging: what `npm pack` ships installs and runs outside the repository.
 *
 * Both packages are packed (their `prepack` builds `dist/`), then each tarball is installed into an
 * empty folder: a plain `node app.mjs` imports `@openpipes/node` (no TypeScript loader, no
 * dependencies), and `npm install <server tarball>` gives an `openpipes` bin that prints its usage
 * and serves HTTP on 127.0.0.1. Installing the server needs the npm registry and compiles
 * better-sqlite3 from source (about 80 s on 2 cores). Without a reachable registry that test is
 * skipped with the reason printed, except under CI=true, where it fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The registry answers `npm ping`, or why not. */
function registryProblem(): string | null {
  const r = spawnSync(NPM, ['ping', '--fetch-retries=0'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0) return null;
  const firstError = `${r.stderr}`.split('\n').find((l) => /^npm error (code|FetchError|\d{3})/.test(l) || l.includes('reason:'));
  return r.error?.message ?? firstError ?? `npm ping exited with ${r.status}`;
}
const registry = registryProblem();
if (registry) {
  if (process.env.CI === 'true')
    throw new Error(`The npm registry is required under CI (installing the server tarball) but is not reachable: ${registry}`);
  process.stdout.write(`[openpipes tests] npm registry not reachable (${registry}): the server tarball install test is SKIPPED.\n`);
}

// Nested npm runs must not think they belong to this repository's `npm test`.
const env: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter(
    (e): e is [string, string] => e[1] !== undefined && !/^npm_(package_|lifecycle_|config_local_prefix$)/i.test(e[0]),
  ),
);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to completion (killed after `timeoutMs`); never throws on a non-zero exit. */
function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<Result> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const explain = (what: string, r: Result) =>
  `${what} exited with ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`;

const dirs: string[] = [];
const freshDir = (label: string) => {
  const d = mkdtempSync(join(tmpdir(), `openpipes-pkg-${label}-`));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** An empty consumer project (its own package.json, so npm installs here and nowhere above). */
const consumerDir = (label: string) => {
  const d = freshDir(label);
  writeFileSync(join(d, 'package.json'), JSON.stringify({ name: `openpipes-packaging-${label}`, version: '0.0.0', private: true }));
  return d;
};

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? ok(a.port) : fail(new Error('no port'))));
    });
  });

interface Packed {
  filename: string;
  files: { path: string }[];
}
const packed: Record<'sdk' | 'server', { tarball: string; files: string[] }> = {} as never;

beforeAll(async () => {
  // Without a stale dist/ to fall back on, the tarballs can only hold what `prepack` built.
  for (const p of ['sdk', 'server']) rmSync(join(ROOT, 'packages', p, 'dist'), { recursive: true, force: true });
  const out = freshDir('tarballs');
  const r = await run(
    NPM,
    ['pack', '--workspace', '@openpipes/node', '--workspace', 'openpipes', '--pack-destination', out, '--json'],
    ROOT,
    300_000,
  );
  if (r.code !== 0) throw new Error(explain('npm pack', r));
  const byName = new Map((JSON.parse(r.stdout) as (Packed & { name: string })[]).map((p) => [p.name, p]));
  for (const [key, name] of [
    ['sdk', '@openpipes/node'],
    ['server', 'openpipes'],
  ] as const) {
    const p = byName.get(name);
    if (!p) throw new Error(`npm pack did not pack ${name}: ${r.stdout}`);
    packed[key] = { tarball: join(out, p.filename), files: p.files.map((f) => f.path).sort() };
  }
}, 300_000);

describe('packaging: the packed tarballs, installed in empty folders', () => {
  it('@openpipes/node ships compiled JS and .d.ts only, has no dependencies, and plain node imports it', async () => {
    const { tarball, files } = packed.sdk;
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files.filter((f) => f !== 'package.json' && !f.startsWith('dist/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

    const app = consumerDir('sdk');
    const install = await run(NPM, ['install', tarball, '--no-audit', '--no-fund', '--offline'], app, 120_000);
    expect(install.code, explain('npm install <sdk tarball>', install)).toBe(0);
    // Nothing but the SDK itself was installed.
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['@openpipes']);
    const pkgDir = join(app, 'node_modules/@openpipes/node');
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(existsSync(join(pkgDir, pkg.exports['.'].types)), `types: ${pkg.exports['.'].types}`).toBe(true);

    writeFileSync(
      join(app, 'app.mjs'),
      `import { OpenPipes, NotFoundError } from '@openpipes/node';
const op = new OpenPipes('sk_test_packaging', { baseUrl: 'http://127.0.0.1:9' });
console.log(JSON.stringify({ client: op instanceof OpenPipes, getAccessToken: typeof op.pipes.getAccessToken, notFound: typeof NotFoundError }));
`,
    );
    const node = await run(process.execPath, ['app.mjs'], app, 30_000);
    expect(node.code, explain('node app.mjs', node)).toBe(0);
    expect(JSON.parse(node.stdout)).toEqual({ client: true, getAccessToken: 'function', notFound: 'function' });

    // A strict TypeScript consumer type-checks against the shipped declarations (the lib files too).
    writeFileSync(
      join(app, 'check.ts'),
      `import { OpenPipes, type DataIntegration } from '@openpipes/node';
const op: OpenPipes = new OpenPipes('sk_test_packaging', { baseUrl: 'http://127.0.0.1:9' });
export const slug = (d: DataIntegration): string => d.slug;
export const token: Promise<{ active: boolean }> = op.pipes.getAccessToken({ provider: 'github', userId: 'user_1' });
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          types: [],
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
        },
        files: ['check.ts'],
      }),
    );
    const tsc = await run(process.execPath, [TSC, '-p', app], app, 60_000);
    expect(tsc.code, explain('tsc (consumer)', tsc)).toBe(0);
  }, 240_000);

  it.skipIf(registry !== null)(
    'openpipes installs from its tarball (without tsx); its bin prints usage and `openpipes serve` answers HTTP',
    async () => {
      const { tarball, files } = packed.server;
      for (const f of ['bin/openpipes.js', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts']) expect(files).toContain(f);
      expect(files.filter((f) => f !== 'package.json' && !f.startsWith('bin/') && !f.startsWith('dist/'))).toEqual([]);

      const app = consumerDir('server');
      const install = await run(NPM, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app, 600_000);
      process.stdout.write(`[openpipes tests] npm install <openpipes tarball> took ${(install.ms / 1000).toFixed(1)} s\n`);
      expect(install.code, explain('npm install <server tarball>', install)).toBe(0);
      expect(existsSync(join(app, 'node_modules/tsx')), 'tsx is not a runtime dependency').toBe(false);
      const bin = join(app, 'node_modules/.bin/openpipes');

      const help = await run(bin, ['--help'], app, 60_000);
      expect(help.code, explain('openpipes --help', help)).toBe(0);
      expect(help.stdout).toContain('openpipes serve');

      writeFileSync(join(app, 'lib.mjs'), `import { boot, loadConfig } from 'openpipes';\nconsole.log(typeof boot, typeof loadConfig);\n`);
      const lib = await run(process.execPath, ['lib.mjs'], app, 60_000);
      expect(lib.code, explain('node lib.mjs', lib)).toBe(0);
      expect(lib.stdout.trim()).toBe('function function');

      const port = await freePort();
      const dataDir = freshDir('data');
      const server = spawn(bin, ['serve'], {
        cwd: app,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? tmpdir(),
          OPENPIPES_DATA_DIR: dataDir,
          OPENPIPES_LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      server.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
      server.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
      let exitCode: number | null | undefined;
      const exited = new Promise<void>((done) =>
        server.once('exit', (code) => {
          exitCode = code;
          done();
        }),
      );
      try {
        const deadline = Date.now() + 60_000;
        let health: { status: number; body: unknown } | undefined;
        while (!health && exitCode === undefined && Date.now() < deadline) {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/health`);
            health = { status: res.status, body: await res.json() };
          } catch {
            await new Promise((r) => setTimeout(r, 250));
          }
        }
        expect(health, `openpipes serve did not answer on 127.0.0.1:${port} (exit ${exitCode}):\n${output}`).toEqual({
          status: 200,
          body: { status: 'ok' },
        });
        expect(output).toContain(`listening on http://127.0.0.1:${port}`);
      } finally {
        if (exitCode === undefined) {
          process.kill(server.pid!, 'SIGTERM');
          const timer = setTimeout(() => exitCode === undefined && process.kill(server.pid!, 'SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
      }
    },
    900_000,
  );
});
