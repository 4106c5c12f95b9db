import { dropRunDatabases, pgReachable } from './postgres.ts';

/**
 * Decides once per run whether the PostgreSQL suites run. Under CI (CI=true) an unreachable
 * PostgreSQL fails the run; on a laptop those suites are skipped with the reason printed.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const run = `optest_${Date.now().toString(36)}_${process.pid}`;
  process.env.OPENPIPES_TEST_RUN = run;
  const problem = await pgReachable();
  if (problem) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI but is not reachable: ${problem}`);
    process.env.OPENPIPES_TEST_PG = 'off';
    process.stdout.write(
      `\n[openpipes tests] PostgreSQL not reachable (${problem}); PostgreSQL suites are SKIPPED. Set OPENPIPES_TEST_PG_URL or start PostgreSQL.\n\n`,
    );
  } else {
    process.env.OPENPIPES_TEST_PG = 'on';
  }
  return async () => {
    if (process.env.OPENPIPES_TEST_PG === 'on') await dropRunDatabases(run);
  };
}
