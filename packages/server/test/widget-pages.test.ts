/**
 * The hosted widget pages (`/widgets/pipes`, `/widgets/pipes-admin`) and their files: strict CSP
 * with the token's environment's origins as frame ancestors, no Referer, nothing from another
 * origin, a token in the query kept out of the request log, and client code that never builds HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { WIDGET_ASSETS } from '../src/web/widget-pages.ts';
import { startHarness, type Harness } from './support/harness.ts';

const APP_ORIGIN = 'https://app.example.com';
const OTHER_ORIGIN = 'https://other.example.com';
const ASSETS = resolve(import.meta.dirname, '../src/web/assets');

describe('hosted widget pages', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness('sqlite', { allowedReturnOrigins: [APP_ORIGIN] });
    const res = await h.request('POST', '/widgets/token', { user_id: 'user_1', organization_id: 'org_1' });
    expect(res.status, res.text).toBe(200);
    token = res.body.token;
  });
  afterAll(async () => {
    await h?.close();
  });

  const page = (url: string) => h.app.inject({ method: 'GET', url });

  it('serves both widgets with a strict CSP, no Referer and no caching; only the token’s origins may frame them', async () => {
    for (const widget of ['pipes', 'pipes-admin']) {
      const res = await page(`/widgets/${widget}?token=${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
          `base-uri 'none'; form-action 'none'; frame-ancestors ${APP_ORIGIN}`,
      );
      expect(res.body).toContain(widget === 'pipes' ? '<openpipes-connect>' : '<openpipes-admin>');
      expect(res.body).not.toContain(token);
    }
  });

  it('with #token= (invisible to the server) any environment’s origin may frame; a bad query token gets a 403 page', async () => {
    await h.deps.environments.create('other', { allowedReturnOrigins: [OTHER_ORIGIN] });
    const plain = await page('/widgets/pipes');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-security-policy']).toContain(`frame-ancestors ${APP_ORIGIN} ${OTHER_ORIGIN}`);
    // A verified token narrows it to its own environment again.
    expect((await page(`/widgets/pipes?token=${token}`)).headers['content-security-policy']).not.toContain(OTHER_ORIGIN);
    const bad = await page('/widgets/pipes?token=not.a.token');
    expect(bad.statusCode).toBe(403);
    expect(bad.body).toContain('This link has expired. Reopen it from the application.');
    expect(bad.headers['referrer-policy']).toBe('no-referrer');
  });

  it('loads nothing from another origin: every URL in the page is a path of OpenPipes, and the files exist', async () => {
    const { body } = await page(`/widgets/pipes?token=${token}`);
    const urls = [...body.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).toBe(3);
    for (const url of urls) {
      expect(url.startsWith(`${WIDGET_ASSETS}/`), url).toBe(true);
      const file = await page(url);
      expect(file.statusCode, url).toBe(200);
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // No stylesheet, font, image or module fetched from elsewhere (Pico's comment names its site).
      expect(/url\(\s*['"]?(?:https?:)?\/\/|@import|from\s+['"](?:https?:)?\/\/|import\(\s*['"](?:https?:)?\/\//.test(file.body), url).toBe(
        false,
      );
    }
    expect((await page(`${WIDGET_ASSETS}/nope.js`)).statusCode).toBe(404);
    const embed = await page('/widgets/embed.js');
    expect(embed.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(embed.headers['cache-control']).toBe('no-cache');
  });

  it('keeps the token of a query out of the request log', async () => {
    const lines: string[] = [];
    const app = await createApp({ ...h.deps, logLevel: 'info', logStream: { write: (line: string) => lines.push(line) } });
    try {
      const res = await app.inject({ method: 'GET', url: `/widgets/pipes?token=${token}&x=1` });
      expect(res.statusCode).toBe(200);
      const log = lines.join('');
      expect(log).toContain('/widgets/pipes?token=[REDACTED]&x=[REDACTED]');
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.split('.')[2]!);
    } finally {
      await app.close();
    }
  });

  it('the client code never turns a value into HTML: provider names and descriptions are text nodes', () => {
    for (const name of readdirSync(ASSETS).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(resolve(ASSETS, name), 'utf8');
      expect(source, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    }
  });
});
