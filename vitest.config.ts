import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The PostgreSQL suites create one database per run (see test/support/postgres.ts),
    // so files may run in parallel safely.
    pool: 'forks',
    reporters: ['default', './packages/server/test/support/summary-reporter.ts'],
    globalSetup: ['packages/server/test/support/global-setup.ts'],
  },
});
