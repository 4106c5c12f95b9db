/**
 * (e) WorkOS's own React components against OpenPipes, in a real browser (headless Chromium).
 * A test application bundles `@workos-inc/widgets` 1.18.0 (a devDependency) with esbuild at test
 * time, is served from an origin of its own, and mints its widget tokens through its backend (R33).
 * `<Pipes>` lists the providers for a user, connects an account through the component's own connect
 * flow (popup: OpenPipes' confirmation page with the handoff, then the local oidc-provider's sign-in
 * and consent) and disconnects it; `<PipesAdmin>` saves an organization's client id and secret, which
 * the REST API then reports.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { freePort, startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { continueAndConsent } from './support/provider-consent.ts';

// Bundling React and a real browser: on a loaded 2-core machine a step can take well over the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ENTRY = resolve(import.meta.dirname, 'support/workos-widgets-app/entry.jsx');
const PROVIDER_NAME = 'Acme Identity';
const ORG_APP = { clientId: 'org-own-client', clientSecret: 'org-own-secret-4321' };
const USER = { user_id: 'user_ww', organization_id: 'org_ww' };
const ADMIN = { user_id: 'admin_ww', organization_id: 'org_ww', scopes: ['widgets:pipes:manage'] };

describe.runIf(chromiumAvailable())('WorkOS <Pipes> and <PipesAdmin> (@workos-inc/widgets 1.18.0) against OpenPipes', () => {
  let h: Harness;
  let oidc: OidcServer;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;
  let port: number;
  let appOrigin: string;
  let appServer: Server;
  let bundleDir: string;
  /** What went wrong in the browser, printed when a test fails (a first 403 is normal: the token function is still pending, §2.3). */
  let problems: string[] = [];

  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`[console.${m.type()}] ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`[pageerror] ${page.url()}: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`[requestfailed] ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', async (r) => {
      if (r.status() < 400 || !r.url().includes('/_widgets/')) return;
      const body = await r.text().catch(() => '(body unavailable)');
      problems.push(`[http ${r.status()}] ${r.request().method()} ${r.url()} ${r.request().postData() ?? ''} -> ${body.slice(0, 500)}`);
    });
  };
  const openApp = async (widget: 'pipes' | 'pipes-admin'): Promise<Page> => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${appOrigin}/${widget}`);
    return page;
  };
  /** The card of one provider in the component's list. */
  const providerRow = (page: Page, name: string) => page.locator('.woswidgets-card-list-item').filter({ hasText: name });

  /**
   * The user comes back to the app's tab. The component refreshes its list on TanStack Query's
   * refetch-on-visibility (widgets-api.md §8.2); headless Chromium never hides a page, so the
   * browser's hidden→visible change is played here.
   */
  const returnToTab = async (page: Page) => {
    await page.bringToFront();
    // A string: the test's TypeScript has no DOM types.
    await page.evaluate(`(() => {
      const flip = (state) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      };
      flip('hidden');
      flip('visible');
    })()`);
  };

  beforeAll(async () => {
    // The test application: bundled now, from the installed package.
    const { build } = await import('esbuild');
    bundleDir = mkdtempSync(join(tmpdir(), 'openpipes-workos-widgets-'));
    await build({
      entryPoints: [ENTRY],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: bundleDir,
      jsx: 'automatic',
      loader: { '.css': 'css' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });

    port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    appServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://app');
      if (req.method === 'POST' && url.pathname === '/token') {
        // The app's backend: it knows who is signed in and mints a widget token with its API key (R33).
        const claims = url.searchParams.get('widget') === 'pipes-admin' ? ADMIN : USER;
        h.request('POST', '/widgets/token', claims).then(
          (minted) => res.writeHead(minted.status, { 'content-type': 'application/json' }).end(minted.text),
          (err: Error) => res.writeHead(500).end(err.message),
        );
        return;
      }
      if (url.pathname === '/entry.js' || url.pathname === '/entry.css') {
        const type = url.pathname.endsWith('.js') ? 'text/javascript' : 'text/css';
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(join(bundleDir, url.pathname.slice(1))));
        return;
      }
      if (url.pathname === '/pipes' || url.pathname === '/pipes-admin') {
        const config = JSON.stringify({ widget: url.pathname.slice(1), apiHostname: '127.0.0.1', port });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          `<!doctype html><html><head><meta charset="utf-8"><title>My app</title><link rel="stylesheet" href="/entry.css"></head>
<body><h1>My app</h1><div id="root"></div><script type="application/json" id="app-config">${config}</script>
<script type="module" src="/entry.js"></script></body></html>`,
        );
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => appServer.listen(0, '127.0.0.1', done));
    appOrigin = `http://127.0.0.1:${(appServer.address() as { port: number }).port}`;

    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness('sqlite', { allowInsecureProviderUrls: true, publicUrl: origin, allowedReturnOrigins: [appOrigin] });
    await h.app.listen({ port, host: '127.0.0.1' });
    const provider = {
      issuer: oidc.issuer,
      authorization_url: oidc.authorizationUrl,
      token_url: oidc.tokenUrl,
      revocation_url: oidc.revocationUrl,
    };
    const created = async (body: Record<string, unknown>) => {
      const res = await h.request('POST', '/data-integrations', body);
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const acme = await created({
      provider: 'acme',
      enabled: true,
      scopes: ['openid', 'read'],
      credentials: { type: 'custom', client_id: 'acme-client', client_secret: 'acme-secret' },
      custom_provider: { name: PROVIDER_NAME, ...provider },
    });
    oidc.registerClient({ clientId: 'acme-client', clientSecret: 'acme-secret', redirectUris: [acme.redirect_uri] });
    await created({
      provider: 'orgapp',
      enabled: true,
      scopes: ['openid', 'read'],
      credentials: { type: 'organization' },
      custom_provider: { name: 'Org App', ...provider },
    });

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    // The package's CSS loads its fallback provider icon from WorkOS's CDN; the test stays offline.
    await context.route('https://images.workoscdn.com/**', (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"/>' }),
    );
  });
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' && problems.length) {
      process.stdout.write(`\n[workos-widgets] browser problems during "${ctx.task.name}":\n  ${problems.join('\n  ')}\n`);
    }
    problems = [];
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await h?.close();
    await oidc?.close();
    await new Promise((done) => appServer?.close(done));
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  });

  it('<Pipes> lists the provider, connects through its own connect flow (popup), and disconnects', async () => {
    const page = await openApp('pipes');
    const acme = providerRow(page, PROVIDER_NAME);
    await expect.poll(() => acme.textContent()).toContain('Not connected');
    expect(await page.getByText('Org App').count(), 'an organization-credentials provider without the organization app is listed').toBe(0);

    // The component's own connect flow: its dialog, then window.open + W5 + navigating the new tab.
    const authorized = page.waitForResponse(
      (r) => r.url() === `${origin}/_widgets/DataIntegrations/acme/authorize` && r.request().method() === 'POST',
    );
    const popupOpened = context.waitForEvent('page');
    await acme.getByRole('button', { name: 'Connect' }).click();
    await page
      .getByRole('dialog', { name: `This application uses WorkOS to connect to ${PROVIDER_NAME}.` })
      .getByRole('button', { name: 'Connect' })
      .click();
    const w5 = await authorized;
    expect(w5.status(), await w5.text()).toBe(200);
    expect(w5.headers()['access-control-allow-origin']).toBe(appOrigin);
    const popup = await popupOpened;
    watch(popup);
    // OpenPipes' confirmation page, then the provider's sign-in and consent.
    await popup.waitForURL((u) => u.origin === origin && u.pathname.endsWith('/authorize-redirect'));
    expect(await popup.locator('h1').textContent()).toBe(`Connect ${PROVIDER_NAME}`);
    await continueAndConsent(popup, oidc.issuer);
    await popup.waitForURL((u) => u.origin === origin && u.pathname.endsWith('/callback'));
    expect(await popup.locator('h1').textContent()).toBe(`${PROVIDER_NAME} is connected`);
    expect(oidc.tokenLog.at(-1)?.clientId).toBe('acme-client');
    await popup.close(); // "You can close this window and return to the application."
    await returnToTab(page);
    await expect.poll(() => acme.textContent()).toContain('Connected');
    expect(await acme.textContent()).not.toContain('Not connected');
    const connected = await h.request('POST', '/data-integrations/acme/token', USER);
    expect(connected.body.active).toBe(true);

    // Disconnect, through the component's confirmation dialog (W8).
    const revoked = oidc.counts.revocationRequests;
    await acme.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('alertdialog', { name: 'Disconnect account' }).getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => acme.textContent()).toContain('Not connected');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(oidc.counts.revocationRequests).toBe(revoked + 1);
    const disconnected = await h.request('POST', '/data-integrations/acme/token', USER);
    expect(disconnected.body.active).toBe(false);
    await page.close();
    expect(problems.filter((p) => p.startsWith('[pageerror]'))).toEqual([]);
  });

  it("<PipesAdmin> saves an organization's client id and secret, which the REST API reports", async () => {
    const page = await openApp('pipes-admin');
    const orgApp = providerRow(page, 'Org App');
    await expect.poll(() => orgApp.textContent()).toContain('Disabled'); // enabled, but no OAuth app yet
    expect(await providerRow(page, PROVIDER_NAME).textContent()).toContain('Available');

    await orgApp.getByRole('button', { name: 'Configure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Configure Org App for your organization' });
    // The redirect URI the organization registers at its provider: OpenPipes' callback for this integration.
    expect(await dialog.textContent()).toContain(`${origin}/data-integrations/orgapp/`);
    await dialog.getByRole('textbox', { name: 'Enter your Org App Client ID' }).fill(ORG_APP.clientId);
    await dialog.getByRole('textbox', { name: 'Enter your Org App Client Secret' }).fill(ORG_APP.clientSecret);
    await dialog.getByRole('button', { name: 'Next' }).click();
    expect(await dialog.getByRole('checkbox', { name: 'read' }).getAttribute('aria-checked')).toBe('true');
    const saved = page.waitForResponse(
      (r) => r.url() === `${origin}/_widgets/DataIntegrations/orgapp/configuration` && r.request().method() === 'PUT',
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    const w10 = await saved;
    expect(w10.status(), await w10.text()).toBe(200);
    expect(w10.request().postDataJSON()).toMatchObject({ client_id: ORG_APP.clientId, client_secret: ORG_APP.clientSecret });
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => orgApp.textContent()).toContain('Available');

    // The REST API (the developer's view) reports the organization's own OAuth app, never its secret.
    const rest = await h.request('GET', `/organizations/${ADMIN.organization_id}/data_integration_configurations`);
    expect(rest.status, rest.text).toBe(200);
    const stored = rest.body.data.find((d: any) => d.slug === 'orgapp');
    expect(stored?.credentials).toMatchObject({ has_credentials: true, client_id: ORG_APP.clientId, client_secret_last_four: '4321' });
    expect(rest.text).not.toContain(ORG_APP.clientSecret);
    await page.close();

    // The organization's members now see the provider in <Pipes>.
    const member = await openApp('pipes');
    await expect.poll(() => providerRow(member, 'Org App').textContent()).toContain('Not connected');
    await member.close();
    expect(problems.filter((p) => p.startsWith('[pageerror]'))).toEqual([]);
  });
});
