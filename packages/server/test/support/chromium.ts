import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.OPENPIPES_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether the browser suites can run. Under CI a missing Chromium fails the run (.ci/run installs
 * it); on a laptop the suites are skipped with the reason printed.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium is required under CI but ${CHROMIUM_PATH} does not exist`);
  process.stdout.write(`[openpipes tests] ${CHROMIUM_PATH} not found: browser suites are SKIPPED (apt-get install chromium).\n`);
  return false;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
