import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';
import { freePort, startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { continueAndConsent } from './support/provider-consent.ts';

describe.runIf(chromiumAvailable())('connecting an account in a real browser (headless Chromium)', () => {
  let h: Harness;
  let oidc: OidcServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness('sqlite', { allowInsecureProviderUrls: true, publicUrl: origin, allowedReturnOrigins: [origin] });
    await h.app.listen({ port, host: '127.0.0.1' });
    const res = await h.request('POST', '/data-integrations', {
      provider: 'acme',
      enabled: true,
      scopes: ['openid', 'read'],
      credentials: { type: 'custom', client_id: 'acme-client', client_secret: 'acme-secret' },
      custom_provider: {
        name: 'Acme Identity',
        authorization_url: oidc.authorizationUrl,
        token_url: oidc.tokenUrl,
        revocation_url: oidc.revocationUrl,
        issuer: oidc.issuer,
      },
    });
    expect(res.status).toBe(201);
    oidc.registerClient({ clientId: 'acme-client', clientSecret: 'acme-secret', redirectUris: [res.body.redirect_uri] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await oidc?.close();
  });

  it('confirmation page → Continue → provider sign-in and consent → back on return_to, token vended', async () => {
    const returnTo = `${origin}/health?from=connect`;
    const { body } = await h.request('POST', '/data-integrations/acme/authorize', { user_id: 'user_browser', return_to: returnTo });
    const page = await browser.newPage();
    try {
      const first = await page.goto(body.url);
      expect(first?.status()).toBe(200);
      expect(first?.headers()['cache-control']).toBe('no-store');
      expect(await page.locator('h1').textContent()).toBe('Connect Acme Identity');
      expect(await page.locator('body').textContent()).toContain('user_browser');
      await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/openpipes-confirm.png` });

      await continueAndConsent(page, oidc.issuer);
      await page.waitForURL((u) => u.href.startsWith(`${origin}/health`));
      expect(page.url()).toBe(returnTo);
      expect(await page.locator('body').textContent()).toContain('"status":"ok"');
    } finally {
      await page.close();
    }
    expect(oidc.counts.codeGrants).toBe(1);
    const vend = await h.request('POST', '/data-integrations/acme/token', { user_id: 'user_browser' });
    expect(vend.body.active).toBe(true);
  });

  it('works without JavaScript: the confirmation is a plain form POST', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      const { body } = await h.request('POST', '/data-integrations/acme/authorize', { user_id: 'user_nojs' });
      await page.goto(body.url);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL((u) => u.origin === oidc.issuer && u.pathname.startsWith('/interaction/'));
      expect(await page.locator('h1').textContent()).toBe('Sign in');
    } finally {
      await context.close();
    }
  });
});
