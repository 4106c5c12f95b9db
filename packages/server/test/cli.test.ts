import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/openpipes.js');
const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'openpipes-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const baseEnv = (dataDir: string, extra: Record<string, string> = {}) => {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    OPENPIPES_DATA_DIR: dataDir,
    ...extra,
  };
  return env;
};

const cli = (args: string[], env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Starts `openpipes serve` on a free port and resolves once it listens. */
function serve(env: Record<string, string>): Promise<{ url: string; stdout: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', OPENPIPES_LOG_LEVEL: 'warn' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${err}`)), 20_000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        // The first key is printed right after the listen line; give stdout a moment.
        setTimeout(
          () =>
            ok({
              url: m[1]!,
              stdout: () => out,
              stop: () =>
                new Promise((done) => {
                  child.once('exit', () => done());
                  child.kill('SIGTERM');
                }),
            }),
          300,
        );
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

describe('openpipes CLI', () => {
  it('serve: first start creates the key file and prints a working API key once; later starts print none', async () => {
    const dir = freshDir();
    const env = baseEnv(dir);
    const first = await serve(env);
    const key = /(sk_test_[0-9A-Za-z]{49})/.exec(first.stdout())?.[1];
    expect(key).toBeDefined();
    const ok = await fetch(`${first.url}/data-integrations`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    expect((await fetch(`${first.url}/data-integrations`)).status).toBe(401);
    await first.stop();
    expect(existsSync(join(dir, 'encryption-keys'))).toBe(true);
    expect(statSync(join(dir, 'encryption-keys')).mode & 0o077).toBe(0);
    expect(existsSync(join(dir, 'openpipes.db'))).toBe(true);

    const second = await serve(env);
    expect(second.stdout()).not.toMatch(/sk_test_/);
    expect((await fetch(`${second.url}/data-integrations`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await second.stop();
  });

  it('serve registers OPENPIPES_API_KEY and prints no key', async () => {
    const key = 'sk_test_container_key_0123456789abcdef';
    const s = await serve(baseEnv(freshDir(), { OPENPIPES_API_KEY: key }));
    expect(s.stdout()).not.toMatch(/sk_test_/);
    expect((await fetch(`${s.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${s.url}/data-integrations`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await s.stop();
  });

  it('bad configuration stops start-up with one line naming the variable', () => {
    const dir = freshDir();
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /^openpipes: PORT: /],
      [{ NODE_ENV: 'production' }, /^openpipes: OPENPIPES_ENCRYPTION_KEYS: /],
      [{ OPENPIPES_ENCRYPTION_KEYS: 'k1:not-32-bytes' }, /^openpipes: OPENPIPES_ENCRYPTION_KEYS: /],
      [{ OPENPIPES_API_KEY: 'too-short' }, /^openpipes: OPENPIPES_API_KEY: /],
      [{ OPENPIPES_DATABASE_URL: 'mysql://db/x' }, /^openpipes: OPENPIPES_DATABASE_URL: /],
    ];
    for (const [extra, pattern] of cases) {
      const r = cli(['serve'], baseEnv(dir, extra));
      expect(r.code, JSON.stringify(extra)).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(pattern);
    }
  });

  it('manages environments and API keys; a revoked key stops working', async () => {
    const dir = freshDir();
    const env = baseEnv(dir);
    expect(cli(['environments', 'create', 'staging'], env).code).toBe(0);
    expect(cli(['environments', 'create', 'staging'], env).code).toBe(1);
    expect(cli(['environments', 'list'], env).stdout).toMatch(/default[\s\S]*staging/);
    const set = cli(['environments', 'set', 'staging', '--return-origin', 'https://app.example.com', '--confirmation-screen', 'off'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('return origins https://app.example.com; confirmation screen off');
    expect(cli(['environments', 'list'], env).stdout).toMatch(/staging\s+no\s+off\s+https:\/\/app\.example\.com/);
    expect(cli(['environments', 'set', 'staging', '--return-origin', 'not a url'], env).code).toBe(1);
    const created = cli(['api-keys', 'create', '--environment', 'staging'], env);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^sk_test_[0-9A-Za-z]{49}$/);
    const list = cli(['api-keys', 'list', '--environment', 'staging'], env).stdout;
    expect(list).toContain(`…${key.slice(-4)}`);
    expect(list).not.toContain(key);
    const id = /(key_[0-9A-Z]{26})/.exec(list)![1]!;

    const s = await serve(env);
    expect((await fetch(`${s.url}/data-integrations`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await s.stop();
    expect(cli(['api-keys', 'revoke', id], env).code).toBe(0);
    expect(cli(['api-keys', 'list'], env).stdout).toMatch(/revoked/);
    const again = await serve(env);
    expect((await fetch(`${again.url}/data-integrations`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
    await again.stop();
  }, 120_000); // about a dozen CLI processes in turn, each loading the TypeScript sources through tsx (3–4 s apiece on a busy 2-core machine)

  it('lists the provider catalog and migrates', () => {
    const env = baseEnv(freshDir());
    const providers = cli(['providers', 'list'], env);
    expect(providers.code).toBe(0);
    for (const slug of ['github', 'gitlab', 'slack', 'zendesk', 'snowflake'])
      expect(providers.stdout).toMatch(new RegExp(`^${slug}\\s`, 'm'));
    expect(providers.stdout).toMatch(/^zendesk\s.*subdomain/m);
    const show = cli(['providers', 'show', 'slack'], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^token_url\s+https:\/\/slack\.com\/api\/oauth\.v2\.access\s+\S/m);
    expect(show.stdout).toMatch(/^hosts\s+\["slack\.com"\]\s+\(default\)$/m);
    const unknown = cli(['providers', 'show', 'nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown provider "nope"/);
    expect(cli(['migrate'], env)).toMatchObject({ code: 0 });
    expect(cli(['nonsense'], env).code).toBe(1);
  });
});
