import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/app/config.ts';
import { boot } from '../src/app/main.ts';
import { hashPassword, verifyPassword } from '../src/crypto/password.ts';
import { DashboardClient } from './support/dashboard-client.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

const BIN = resolve(import.meta.dirname, '../bin/openpipes.js');
const PASSWORD = 'correct horse battery staple';
const silent = { info: () => undefined, warn: () => undefined };

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'openpipes-operators-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('operator passwords (scrypt)', () => {
  it('stores parameters, salt and hash in one string, 64 MiB of memory per hash', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^\$scrypt\$ln=16,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(stored).not.toBe(await hashPassword(PASSWORD));
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false);
  });

  it('verifies with the parameters a hash was made with, and refuses malformed or weak stored strings', async () => {
    const light = await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 });
    expect(await verifyPassword(PASSWORD, light)).toBe(true);
    for (const bad of ['', 'plain', light.replace('ln=10', 'ln=4'), light.replace(/\$[^$]+$/, '$AAAA')]) {
      expect(await verifyPassword(PASSWORD, bad)).toBe(false);
    }
  });
});

describe.each(DIALECTS)('operator accounts (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses short passwords, odd usernames and duplicates with a message', async () => {
    await expect(h.deps.operators.create('carol', 'short')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(h.deps.operators.create('<carol>', PASSWORD)).rejects.toMatchObject({ code: 'validation_failed' });
    await h.deps.operators.create('carol', PASSWORD);
    await expect(h.deps.operators.create('carol', PASSWORD)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('ensure() creates the operator, keeps a matching password, and replaces another one, ending its sessions', async () => {
    expect(await h.deps.operators.ensure('admin', PASSWORD)).toBe('created');
    expect(await h.deps.operators.ensure('admin', PASSWORD)).toBe('unchanged');
    const b = new DashboardClient(h.app);
    expect((await b.signIn('admin', PASSWORD)).status).toBe(303);
    expect(await h.deps.operators.ensure('admin', `${PASSWORD}!`)).toBe('updated');
    expect((await b.get('/dashboard')).status).toBe(303);
    expect((await new DashboardClient(h.app, '10.9.9.9').signIn('admin', `${PASSWORD}!`)).status).toBe(303);
  });
});

describe('OPENPIPES_ADMIN_PASSWORD', () => {
  it('is at least 12 characters long', () => {
    expect(() => loadConfig({ OPENPIPES_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENPIPES_ADMIN_PASSWORD: 'short' })).toThrow(
      'OPENPIPES_ADMIN_PASSWORD: must be at least 12 characters long',
    );
  });

  it('makes an admin operator at start-up who can sign in', async () => {
    const dir = tempDir();
    const config = loadConfig({ OPENPIPES_DATA_DIR: dir, NODE_ENV: 'test', OPENPIPES_ADMIN_PASSWORD: PASSWORD }, dir);
    const runtime = await boot(config, silent);
    try {
      const r = await new DashboardClient(runtime.app).signIn('admin', PASSWORD);
      expect(r.status).toBe(303);
      expect(r.location).toBe('/dashboard');
    } finally {
      await runtime.close();
    }
  });
});

describe('openpipes admin', () => {
  const cli = (args: string[], dir: string, input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', OPENPIPES_DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 30_000,
      ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }),
    });

  it('creates an operator with the password from standard input, never from the command line', async () => {
    const dir = tempDir();
    const created = cli(['admin', 'create', 'dana'], dir, `${PASSWORD}\n`);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created operator dana.');
    expect(created.status).toBe(0);
    expect(cli(['admin', 'create', 'dana'], dir, `${PASSWORD}\n`).stderr).toContain('Operator "dana" already exists.');
    expect(cli(['admin', 'create', 'erin'], dir, 'short\n').stderr).toContain('The password must be at least 12 characters long.');
    const noInput = cli(['admin', 'create', 'erin'], dir);
    expect(noInput.status).toBe(1);
    expect(noInput.stderr).toContain('standard input');
    expect(cli(['admin', 'set-password', 'dana'], dir, `${PASSWORD}!\n`).stdout).toContain('Changed the password of dana');
    expect(cli(['admin', 'list'], dir).stdout).toMatch(/^dana {2}created /);

    const config = loadConfig({ OPENPIPES_DATA_DIR: dir, NODE_ENV: 'test' }, dir);
    const runtime = await boot(config, silent);
    try {
      expect((await new DashboardClient(runtime.app).signIn('dana', `${PASSWORD}!`)).status).toBe(303);
    } finally {
      await runtime.close();
    }
  });
});
