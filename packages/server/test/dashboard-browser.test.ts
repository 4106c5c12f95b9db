import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { freePort, startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';

// Real browsers and child processes: on a loaded 2-core machine a step can take well over the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PASSWORD = 'correct horse battery staple';

/**
 * The README's screenshots are refreshed with OPENPIPES_UPDATE_SCREENSHOTS=1; other runs write
 * them to a temporary folder, so a test run leaves the work tree as it was.
 */
const SHOTS =
  process.env.OPENPIPES_UPDATE_SCREENSHOTS === '1' ? resolve(import.meta.dirname, 'screenshots') : join(tmpdir(), 'openpipes-screenshots');

describe.runIf(chromiumAvailable())('operator dashboard in a real browser (headless Chromium, JavaScript off)', () => {
  let h: Harness;
  let oidc: OidcServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;

  const shot = async (name: string, width: number) => {
    await page.setViewportSize({ width, height: width < 500 ? 800 : 900 });
    // Readable at this width: nothing wider than the window but a table's own scroll box.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness('sqlite', { allowInsecureProviderUrls: true, publicUrl: origin, allowedReturnOrigins: [origin] });
    await h.deps.operators.create('operator', PASSWORD);
    await h.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
    // No JavaScript: every page must work as plain HTML forms.
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await h?.close();
    await oidc?.close();
  });

  it('an operator signs in with the keyboard', async () => {
    await page.goto(`${origin}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/sign-in');
    await shot('dashboard-sign-in', 375);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Username').focus();
    await page.keyboard.type('operator');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/dashboard`);
    expect(await page.locator('h1').textContent()).toBe('Overview');
    await shot('dashboard-overview', 1280);
  });

  it('creates an integration for the demo provider (a custom OAuth provider) and enables it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Environments' }).click();
    await page.getByRole('link', { name: 'default' }).click();
    await page.getByRole('navigation', { name: 'Environment' }).getByRole('link', { name: 'Add integration' }).click();
    await page.getByRole('link', { name: 'Define a custom OAuth provider' }).click();
    await page.getByLabel('Slug').fill('demo');
    await page.getByLabel('Name', { exact: true }).fill('Demo Identity');
    await page.getByLabel('Authorization URL').fill(oidc.authorizationUrl);
    await page.getByLabel('Token URL').fill(oidc.tokenUrl);
    await page.getByLabel('Revocation URL').fill(oidc.revocationUrl);
    await page.getByLabel('Issuer').fill(oidc.issuer);
    await page.getByLabel('Description').fill('The local demo authorization server');
    await page.getByLabel('Scopes').fill('openid read');
    await page.getByLabel('Client ID').fill('demo-client');
    await page.getByLabel('Client secret').fill('demo-secret-0123456789');
    await shot('dashboard-new-custom-provider', 375);
    await page.getByRole('button', { name: 'Create integration' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/integrations/user/demo'));
    expect(await page.getByRole('status').textContent()).toContain('Created.');
    expect(await page.locator('h1').textContent()).toBe('Demo Identity');

    const redirectUri = (await page.locator('dd', { hasText: 'callback' }).locator('code').textContent())!;
    expect(redirectUri).toMatch(new RegExp(`^${origin}/data-integrations/demo/dik_[0-9A-Z]{26}/callback$`));
    oidc.registerClient({ clientId: 'demo-client', clientSecret: 'demo-secret-0123456789', redirectUris: [redirectUri] });

    await page.getByRole('button', { name: 'Enable integration' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Enabled.');
    const api = await h.request('GET', '/data-integrations');
    expect(api.body.data).toEqual([
      expect.objectContaining({
        slug: 'demo',
        enabled: true,
        state: 'valid',
        scopes: ['openid', 'read'],
        redirect_uri: redirectUri,
        credentials: { type: 'custom', client_id: 'demo-client', redacted_client_secret: '6789' },
      }),
    ]);
  });

  it('the integration works: an end user connects an account, and it shows on the integration page', async () => {
    const { body } = await h.request('POST', '/data-integrations/demo/authorize', { user_id: 'user_dash', return_to: `${origin}/health` });
    const user = await browser.newPage();
    try {
      await user.goto(body.url);
      await user.getByRole('button', { name: 'Continue' }).click();
      await user.fill('input[name=login]', 'alice');
      await user.fill('input[name=password]', 'anything');
      await user.getByRole('button', { name: 'Sign in' }).click();
      await user.getByRole('button', { name: 'Allow' }).click();
      await user.waitForURL(`${origin}/health`);
    } finally {
      await user.close();
    }
    await page.reload();
    expect(await page.locator('tr', { hasText: 'user_dash' }).textContent()).toContain('connected');
    await shot('dashboard-integration', 1280);
    await shot('dashboard-integration', 375);
    await page.getByRole('navigation', { name: 'Environment' }).getByRole('link', { name: 'Integrations' }).click();
    await shot('dashboard-integrations', 375);
  });

  it('the overview charts the connections, vends and deliveries (SVG, no script), at 1280 and 375 px', async () => {
    for (let i = 0; i < 4; i++)
      expect((await h.request('POST', '/data-integrations/demo/token', { user_id: 'user_dash' })).status).toBe(200);
    await h.request('POST', '/data-integrations/demo/token', { user_id: 'nobody' });
    await h.deps.usage.flush();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    expect(await page.getByRole('img', { name: /^Vends, last 24 hours: 5 in all \(4 active, 1 not installed/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Connections by provider: 1 in all \(1 connected/ }).count()).toBe(1);
    await shot('dashboard-activity', 1280);
    await shot('dashboard-activity', 375);
  });

  it('the connections list shows last refreshed, last used and the last health check, at 1280 and 375 px', async () => {
    // The vends above touched user_dash; the flush writes it. A health check that failed for now gets a badge.
    await h.deps.lastUsed.flush();
    await h.db
      .updateTable('connected_accounts')
      .set({ last_health_check_at: new Date(Date.now() - 2 * 3_600_000).toISOString(), last_health_check_result: 'temporary_failure' })
      .where('user_id', '=', 'user_dash')
      .execute();
    await page.goto(`${origin}/dashboard/environments/default/connections`);
    const activity = page.locator('tbody tr', { hasText: 'user_dash' }).locator('td[data-label="Activity"]');
    expect(await activity.locator('div > div').allTextContents()).toEqual([
      'Refreshed never',
      'Used just now',
      'Checked 2 hours ago temporary failure',
    ]);
    expect(await activity.getByText('just now').getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(await activity.locator('.badge.warn').isVisible()).toBe(true);
    await shot('dashboard-connections', 1280);
    await shot('dashboard-connections', 375);
  });
});
