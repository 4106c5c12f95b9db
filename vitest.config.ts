import { configDefaults, defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';
import { slowSuitesOptOut } from './packages/server/test/support/slow-suites.ts';

// Set on CI's later Node passes only; the summary reporter prints what it leaves out and why.
const slowOptOut = slowSuitesOptOut();

export default defineConfig({
  // In the repository, @openpipes/node resolves to its TypeScript sources (see its package.json).
  ssr: { resolve: { conditions: ['openpipes-source', ...defaultServerConditions] } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(slowOptOut?.exclude ?? [])],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The PostgreSQL suites create one database per run (see test/support/postgres.ts),
    // so files may run in parallel safely.
    pool: 'forks',
    reporters: ['default', './packages/server/test/support/summary-reporter.ts'],
    globalSetup: ['packages/server/test/support/global-setup.ts'],
  },
});
