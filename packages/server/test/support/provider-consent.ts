import type { Page } from 'playwright-core';

/**
 * In a real browser on OpenPipes' confirmation page: Continue, then sign in at the test
 * oidc-provider (any password) and Allow. Every browser suite walks these same steps.
 */
export async function continueAndConsent(page: Page, issuer: string, account = 'alice'): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.origin === issuer);
  await page.fill('input[name=login]', account);
  await page.fill('input[name=password]', 'anything');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
}
