import type { Reporter, TestModule } from 'vitest/node';
import { slowSuitesOptOut } from './slow-suites.ts';

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, that CI reads to know
 * how many tests ran (vitest's own summary is not in a form it reads).
 */
export default class SummaryReporter implements Reporter {
  // Suites left out on purpose (CI's later Node passes) are named at the start and at the end.
  private readonly notRun = slowSuitesOptOut()?.notice;

  onInit(): void {
    if (this.notRun) process.stdout.write(`\n${this.notRun}\n\n`);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    if (this.notRun) process.stdout.write(`\n${this.notRun}`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
