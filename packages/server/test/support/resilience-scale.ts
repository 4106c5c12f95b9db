/**
 * How much the resilience suites do. The full counts (docs/reliability.md) run by default; under
 * CI=true a reduced count keeps the suites within a few minutes, unless OPENPIPES_RESILIENCE_FULL=1
 * asks for the full one there too.
 */
export const RESILIENCE_FULL = process.env.OPENPIPES_RESILIENCE_FULL === '1' || process.env.CI !== 'true';

/** `full` normally, `reduced` in CI unless the full count was asked for. */
export const resilienceCount = (full: number, reduced: number): number => (RESILIENCE_FULL ? full : reduced);

/** `[resilience] …` lines: the figures docs/reliability.md quotes. */
export const report = (line: string): void => console.log(`[resilience] ${line}`);
