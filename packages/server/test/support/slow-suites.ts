import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The slowest suites (a real browser, packing the packages, resilience). CI runs the whole suite on
 * its first Node version and then again on the others; on those later passes these may be left out,
 * because they test our code's behaviour rather than the runtime's, and CI has 90 minutes.
 * Paths are relative to the repository root; `*` matches within a file name. Add new slow suites here.
 */
export const SLOW_SUITES = [
  'packages/server/test/api-key-fuzz.test.ts',
  'packages/server/test/browser-flow.test.ts',
  'packages/server/test/dashboard-browser.test.ts',
  'packages/server/test/demo.test.ts',
  'packages/server/test/fuzz.test.ts',
  'packages/server/test/key-rotation.test.ts',
  'packages/server/test/packaging.test.ts',
  'packages/server/test/resilience*.test.ts',
  'packages/server/test/webhooks-reliability.test.ts',
  'packages/server/test/widget-browser.test.ts',
  'packages/server/test/workos-widgets-browser.test.ts',
];

/**
 * The opt-out: OPENPIPES_TEST_SLOW_SUITES_RAN_ON=<Node version> says the slow suites already passed
 * in this CI run on that Node (.ci/run sets it for its later passes). Unset, everything runs.
 * Used by vitest.config.ts (to exclude them) and the summary reporter (to say so).
 */
export function slowSuitesOptOut(root: string = process.cwd()): { exclude: string[]; notice: string } | null {
  const ranOn = process.env.OPENPIPES_TEST_SLOW_SUITES_RAN_ON?.trim();
  if (!ranOn) return null;
  if (ranOn.replace(/^v/, '') === process.versions.node) {
    throw new Error(`OPENPIPES_TEST_SLOW_SUITES_RAN_ON=${ranOn} names the Node running now: the slow suites would run nowhere`);
  }
  const present = SLOW_SUITES.flatMap((pattern) => {
    const dir = join(root, dirname(pattern));
    const name = new RegExp(
      `^${basename(pattern)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')}$`,
    );
    return existsSync(dir) ? readdirSync(dir).filter((f) => name.test(f)) : [];
  });
  return {
    exclude: SLOW_SUITES,
    notice:
      `[openpipes tests] NOT RUN on Node ${process.version}: ${present.join(', ') || '(no slow suite present)'}. ` +
      `These slow suites already ran on Node ${ranOn} in this CI run (OPENPIPES_TEST_SLOW_SUITES_RAN_ON; unset it to run them).`,
  };
}
