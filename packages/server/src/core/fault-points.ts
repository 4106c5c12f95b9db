/**
 * Crash points for the resilience suite (docs/reliability.md, "Crashes"): the process kills itself
 * with SIGKILL at the one named point, as a power cut or `kill -9` would, so the suite can show that
 * no half-written connection, duplicate or stuck lock survives a crash there.
 *
 * Inert in production: nothing is armed unless `armFaultPoint` is called, and app/config.ts reads
 * OPENPIPES_TEST_FAULT_POINT only when NODE_ENV=test. Unarmed, `faultPoint` is one comparison.
 */
export const FAULT_POINTS = [
  /** The callback's state was claimed (flow `exchanging`), before the code is redeemed. */
  'callback.after_state_consumed',
  /** The provider answered the code exchange; nothing of it is stored yet. */
  'callback.after_exchange',
  /** Inside the transaction that writes the connection, its event and the flow's end, before COMMIT. */
  'callback.in_commit',
  /** The provider answered a refresh; the new tokens are not yet committed (the refresh lock is held). */
  'refresh.before_commit',
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

let armed: FaultPoint | null = null;

/** Arms one point for the life of this process (null disarms). Only the composition root calls it. */
export function armFaultPoint(point: FaultPoint | null): void {
  armed = point;
}

/** Kills this process on the spot if `point` is the armed one; otherwise does nothing. */
export function faultPoint(point: FaultPoint): void {
  if (armed === point) process.kill(process.pid, 'SIGKILL');
}
