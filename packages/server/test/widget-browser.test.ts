/**
 * The hosted widgets in a real browser (headless Chromium) against a local oidc-provider:
 * (b) an end user connects from the widget embedded in an app page (popup, confirmation page,
 * provider sign-in and consent) and sees "Connected" without a reload, and the backend gets a token;
 * (c) the user disconnects and the provider records the revocation; (d) an organization admin
 * enters its own OAuth app, and the organization's next connection reaches the provider with it.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { freePort, startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { continueAndConsent } from './support/provider-consent.ts';

// Real browsers and child processes: on a loaded 2-core machine a step can take well over the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SCREENSHOTS =
  process.env.OPENPIPES_UPDATE_SCREENSHOTS === '1' ? resolve(import.meta.dirname, 'screenshots') : join(tmpdir(), 'openpipes-screenshots');
const HTML_NAME = 'Acme <b>"Identity"</b> & Co';
const ORG_APP = { clientId: 'org-own-client', clientSecret: 'org-own-secret-4321' };

describe.runIf(chromiumAvailable())('hosted widgets in a real browser (headless Chromium)', () => {
  let h: Harness;
  let oidc: OidcServer;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;
  let appOrigin: string;
  let appServer: Server;
  let appPageHtml = '';

  const mint = async (body: Record<string, unknown>): Promise<string> => {
    const res = await h.request('POST', '/widgets/token', body);
    expect(res.status, res.text).toBe(200);
    return res.body.token;
  };
  const createIntegration = async (body: Record<string, unknown>) => {
    const res = await h.request('POST', '/data-integrations', body);
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const screenshots = async (page: Page, name: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width < 500 ? 800 : 720 });
      await page.screenshot({ path: join(SCREENSHOTS, `widget-${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  };
  /** The provider's pages in the popup: the confirmation page, sign-in, consent. */
  const completeInPopup = async (popup: Page, expectClientId: string) => {
    await popup.waitForLoadState();
    await continueAndConsent(popup, oidc.issuer);
    expect(oidc.tokenLog.at(-1)?.clientId).toBe(expectClientId);
  };
  const row = (frame: Page | Frame, name: string) => frame.locator('article').filter({ has: frame.getByRole('heading', { name }) });

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // The application that embeds the widget, on an origin of its own.
    appServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(appPageHtml));
    await new Promise<void>((done) => appServer.listen(0, '127.0.0.1', done));
    appOrigin = `http://localhost:${(appServer.address() as { port: number }).port}`;
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness('sqlite', { allowInsecureProviderUrls: true, publicUrl: origin, allowedReturnOrigins: [appOrigin] });
    await h.app.listen({ port, host: '127.0.0.1' });
    const provider = { authorization_url: oidc.authorizationUrl, token_url: oidc.tokenUrl, revocation_url: oidc.revocationUrl };
    const acme = await createIntegration({
      provider: 'acme',
      enabled: true,
      description: '<img src=x> Files & folders',
      scopes: ['openid', 'read'],
      credentials: { type: 'custom', client_id: 'acme-client', client_secret: 'acme-secret' },
      custom_provider: { name: HTML_NAME, issuer: oidc.issuer, ...provider },
    });
    oidc.registerClient({ clientId: 'acme-client', clientSecret: 'acme-secret', redirectUris: [acme.redirect_uri] });
    const orgApp = await createIntegration({
      provider: 'orgapp',
      enabled: true,
      scopes: ['openid', 'read'],
      credentials: { type: 'organization' },
      custom_provider: { name: 'Org App', issuer: oidc.issuer, ...provider },
    });
    oidc.registerClient({ ...ORG_APP, redirectUris: [orgApp.redirect_uri] });
    await createIntegration({
      provider: 'zendesk',
      enabled: true,
      credentials: { type: 'custom', client_id: 'zd', client_secret: 'zd-s' },
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    context.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await h?.close();
    await oidc?.close();
    await new Promise((done) => appServer?.close(done));
  });

  it('(b) connects from the embedded widget: popup through the provider, "Connected" without a reload, a token vended', async () => {
    const token = await mint({ user_id: 'user_w', organization_id: 'org_w' });
    appPageHtml = `<!doctype html><title>App</title><h1>My app</h1>
<script src="${origin}/widgets/embed.js"></script><openpipes-widget widget="pipes" token="${token}"></openpipes-widget>`;
    const page = await context.newPage();
    try {
      await page.goto(`${appOrigin}/settings`);
      const frame = page.frameLocator('openpipes-widget iframe');
      const acme = frame.locator('article').filter({ has: frame.getByRole('heading', { name: HTML_NAME }) });
      await expect.poll(() => acme.locator('.status').textContent()).toBe('Not connected');
      // Operator text is shown as text: no element came out of it.
      await expect.poll(() => frame.locator('article b, article img').count()).toBe(0);
      expect(await acme.textContent()).toContain('<img src=x> Files & folders');
      // The token left the framed page's address.
      const widgetFrame = page.frames().find((f) => f.url().startsWith(`${origin}/widgets/pipes`))!;
      expect(widgetFrame.url()).not.toContain('token');

      const loaded = page.url();
      const popupOpened = context.waitForEvent('page');
      await acme.getByRole('button', { name: `Connect ${HTML_NAME}` }).click();
      const popup = await popupOpened;
      await completeInPopup(popup, 'acme-client');
      await expect.poll(() => acme.locator('.status').textContent(), { timeout: 15_000 }).toBe('Connected');
      expect(await acme.locator('.activity').allTextContents()).toEqual(['Not used yet']);
      expect(page.url()).toBe(loaded);
      await expect.poll(() => popup.isClosed()).toBe(true);
    } finally {
      await page.close();
    }
    const vend = await h.request('POST', '/data-integrations/acme/token', { user_id: 'user_w', organization_id: 'org_w' });
    expect(vend.body.active).toBe(true);
  });

  it('(c) disconnects: the row says "Not connected" and the provider counts the revocation', async () => {
    // The vend above is written at the next flush; the scheduler's last check failed for now.
    await h.deps.lastUsed.flush();
    await h.db
      .updateTable('connected_accounts')
      .set({ last_health_check_at: new Date().toISOString(), last_health_check_result: 'temporary_failure' })
      .where('user_id', '=', 'user_w')
      .execute();
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/widgets/pipes#token=${await mint({ user_id: 'user_w', organization_id: 'org_w' })}`);
      expect(page.url()).toBe(`${origin}/widgets/pipes`);
      const acme = row(page, HTML_NAME);
      await expect.poll(() => acme.locator('.status').textContent()).toBe('Connected');
      expect(await acme.locator('.activity').allTextContents()).toEqual([
        'Last used just now',
        'The provider did not answer our last check; we will try again.',
      ]);
      expect(await acme.locator('.activity').first().getAttribute('title')).toBeTruthy();
      await screenshots(page, 'connect');
      const revoked = oidc.counts.revocationRequests;
      await acme.getByRole('button', { name: `Disconnect ${HTML_NAME}` }).click();
      await acme.getByRole('button', { name: 'Disconnect', exact: true }).click();
      await expect.poll(() => acme.locator('.status').textContent()).toBe('Not connected');
      expect(await acme.getByRole('status').textContent()).toBe(`${HTML_NAME} is disconnected.`);
      expect(oidc.counts.revocationRequests).toBe(revoked + 1);
    } finally {
      await page.close();
    }
    const vend = await h.request('POST', '/data-integrations/acme/token', { user_id: 'user_w', organization_id: 'org_w' });
    expect(vend.body.active).toBe(false);
  });

  it('(d) an organization admin enters its OAuth app; the next connection reaches the provider with that client id', async () => {
    const admin = await context.newPage();
    try {
      const adminToken = await mint({ user_id: 'admin_d', organization_id: 'org_d', scopes: ['widgets:pipes:manage'] });
      await admin.goto(`${origin}/widgets/pipes-admin?token=${adminToken}`);
      expect(admin.url()).toBe(`${origin}/widgets/pipes-admin`);
      const settings = row(admin, 'Org App');
      await expect.poll(() => settings.locator('.status').textContent()).toBe('Needs your OAuth app');
      expect(await settings.textContent()).toContain(`${origin}/data-integrations/orgapp/`);
      await settings.getByLabel('Client ID').fill(ORG_APP.clientId);
      await settings.getByRole('button', { name: 'Save Org App' }).click();
      expect(await settings.getByRole('alert').textContent()).toBe('Enter the client secret together with the client ID.');
      await settings.getByLabel('Client secret').fill(ORG_APP.clientSecret);
      await settings.getByRole('button', { name: 'Save Org App' }).click();
      await expect.poll(() => settings.locator('.status').textContent()).toBe('Enabled');
      expect(await settings.getByRole('status').textContent()).toBe('Org App settings saved.');
      expect(await settings.getByLabel('Client ID').inputValue()).toBe(ORG_APP.clientId);
      expect(await settings.getByLabel('Client secret').inputValue()).toBe('');
      expect(await settings.textContent()).toContain('A secret ending in 4321 is stored.');
      expect(await admin.content()).not.toContain(ORG_APP.clientSecret);
      await screenshots(admin, 'admin');
    } finally {
      await admin.close();
    }

    // A browser of its own: the provider must show its sign-in page again (no session from (b)).
    const memberContext = await browser.newContext();
    memberContext.setDefaultTimeout(10_000);
    const member = await memberContext.newPage();
    try {
      await member.goto(`${origin}/widgets/pipes#token=${await mint({ user_id: 'user_d', organization_id: 'org_d' })}`);
      const orgApp = row(member, 'Org App');
      const popupOpened = memberContext.waitForEvent('page');
      await orgApp.getByRole('button', { name: 'Connect Org App' }).click();
      const popup = await popupOpened;
      await completeInPopup(popup, ORG_APP.clientId);
      await expect.poll(() => orgApp.locator('.status').textContent(), { timeout: 15_000 }).toBe('Connected');
    } finally {
      await memberContext.close();
    }
    expect(oidc.tokenLog.filter((e) => e.clientId === ORG_APP.clientId && e.grantType === 'authorization_code')).toHaveLength(1);
  });

  it('asks for a per-tenant value before connecting, and says in words what went wrong', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/widgets/pipes#token=${await mint({ user_id: 'user_z', organization_id: 'org_z' })}`);
      const zendesk = row(page, 'Zendesk');
      await zendesk.getByRole('button', { name: 'Connect Zendesk' }).click();
      await zendesk.getByLabel('Zendesk subdomain').fill('acme');
      const popupOpened = context.waitForEvent('page');
      await zendesk.getByRole('button', { name: 'Connect', exact: true }).click();
      const popup = await popupOpened;
      await popup.waitForURL((u) => u.pathname.endsWith('/authorize-redirect'));
      expect(await popup.locator('h1').textContent()).toBe('Connect Zendesk');
      expect(await zendesk.getByRole('status').textContent()).toBe('Finish connecting Zendesk in the window that opened.');
      await popup.close();
      await expect.poll(() => zendesk.getByRole('status').count()).toBe(0);
      expect(await zendesk.locator('.status').textContent()).toBe('Not connected');

      await page.goto('about:blank'); // else only the fragment would change, without a reload
      await page.goto(`${origin}/widgets/pipes#token=not-a-token`);
      expect(await page.getByRole('alert').textContent()).toBe(
        'Your session has expired or does not allow this. Reload the application to continue.',
      );
      await page.goto(`${origin}/widgets/pipes`);
      expect(await page.getByRole('alert').textContent()).toBe('This page must be opened from the application (no widget token).');
    } finally {
      await page.close();
    }
  });
});
