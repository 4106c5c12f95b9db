import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';

// Real browsers and child processes: on a loaded 2-core machine a step can take well over the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = resolve(import.meta.dirname, '../../..');

/** README screenshots are refreshed with OPENPIPES_UPDATE_SCREENSHOTS=1; other runs write them to a temporary folder. */
const SHOTS =
  process.env.OPENPIPES_UPDATE_SCREENSHOTS === '1' ? resolve(import.meta.dirname, 'screenshots') : join(tmpdir(), 'openpipes-screenshots');

interface Demo {
  url: string;
  stdout: string;
  stderr: () => string;
  exited: Promise<number | null>;
  exitCode(): number | null;
  /** Signals the process by its pid. */
  kill(signal: NodeJS.Signals): void;
}

/** `npm run demo` as a user runs it (scripts/demo.ts in a child process), every port free, until it prints its URL. */
async function startDemo(connect: 'link' | 'auto'): Promise<Demo> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/demo.ts', '--port', '0', '--provider-port', '0', '--app-port', '0', '--connect', connect],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the demo printed no URL within 30 s: ${stdout}${stderr}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      const m = /Ctrl-C/.test(stdout) && /^ {2}Open (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    void exited.then((code) => fail(new Error(`the demo exited with ${code}: ${stdout}${stderr}`)));
  });
  return { url, stdout, stderr: () => stderr, exited, exitCode: () => child.exitCode, kill: (signal) => process.kill(child.pid!, signal) };
}

async function signInAtDemoProvider(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByPlaceholder('Any login name').fill('alice');
  await page.getByPlaceholder('Any password').fill('anything');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
}

/** The first and last four characters, eight dots, the length: never the token itself. */
const MASKED = /^\S{4}•{8}\S{4} \(\d+ characters\)$/;

describe.runIf(chromiumAvailable())('npm run demo: the sample app connects an account and shows a token (headless Chromium)', () => {
  let linkDemo: Demo;
  let widgetDemo: Demo;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [linkDemo, widgetDemo, browser] = await Promise.all([startDemo('link'), startDemo('auto'), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    // Ctrl-C (the demo removes its data directory), SIGKILL if it has not stopped within 5 s.
    for (const demo of [linkDemo, widgetDemo]) {
      if (!demo || demo.exitCode() !== null) continue;
      demo.kill('SIGINT');
      const timer = setTimeout(() => demo.kill('SIGKILL'), 5000);
      await demo.exited;
      clearTimeout(timer);
    }
  });

  const shot = async (page: Page, name: string, width: number) => {
    await page.setViewportSize({ width, height: width < 500 ? 800 : 720 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  };

  it('prints exactly one URL, and only loopback addresses are used', () => {
    for (const demo of [linkDemo, widgetDemo]) {
      expect(demo.stdout.match(/https?:\/\//g)).toHaveLength(1);
      expect(demo.stderr()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
      expect(demo.stderr()).toContain('provider URLs may use plain http');
    }
    expect(linkDemo.stdout).toContain('connects with an authorization link');
  });

  it('connect → OpenPipes confirmation → demo provider sign-in and consent → back on the sample page with a masked token', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(linkDemo.url);
      expect(await page.locator('#token-status').textContent()).toContain('not_installed');
      await shot(page, 'demo-app-before', 1280);

      await page.getByRole('link', { name: 'Connect Demo Identity' }).click();
      expect(await page.locator('h1').textContent()).toBe('Connect Demo Identity');
      await signInAtDemoProvider(page);
      await page.waitForURL(linkDemo.url);

      expect(await page.locator('[data-connect]').textContent()).toContain('connected');
      expect(await page.locator('#access-token').textContent()).toMatch(MASKED);
      await shot(page, 'demo-app', 1280);
      await shot(page, 'demo-app', 375);
    } finally {
      await page.close();
    }
  });

  it("by default the sample page embeds OpenPipes' hosted connect widget; its popup connects and the token appears", async () => {
    expect(widgetDemo.stdout).toContain("connects with OpenPipes' hosted connect widget");
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(widgetDemo.url);
      const widget = page.frameLocator('openpipes-widget iframe');
      const [popup] = await Promise.all([context.waitForEvent('page'), widget.getByRole('button', { name: /^Connect\b/ }).click()]);
      await popup.waitForURL((u) => u.pathname.endsWith('/authorize-redirect'));
      expect(await popup.locator('h1').textContent()).toBe('Connect Demo Identity');
      await signInAtDemoProvider(popup);
      // The sample page polls its backend: the token appears without a reload.
      await page.locator('#access-token').waitFor({ timeout: 15_000 });
      expect(await page.locator('#access-token').textContent()).toMatch(MASKED);
      await shot(page, 'demo-app-widget', 1280);
    } finally {
      await context.close();
    }
  });

  it('Ctrl-C stops everything and deletes the data directory', async () => {
    const dataDir = /SQLite in (\S+?)\)/.exec(linkDemo.stdout)?.[1];
    expect(dataDir && existsSync(dataDir)).toBe(true);
    linkDemo.kill('SIGINT');
    expect(await linkDemo.exited).toBe(0);
    expect(existsSync(dataDir!)).toBe(false);
    await expect(fetch(linkDemo.url)).rejects.toThrow();
  });
});
