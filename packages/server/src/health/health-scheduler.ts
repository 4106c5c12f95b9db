import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { TickLoop } from '../core/tick-loop.ts';
import type { HealthCheckOutcome, Telemetry } from '../core/telemetry.ts';
import type { RefreshCoordinator, Renewed } from '../connections/refresh-coordinator.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { HealthDue } from '../store/health-checks-repo.ts';
import type { Store } from '../store/store.ts';
import { firstCheckAt, type HealthSettings, isDue, nextCheckAt, retryAt } from './health-plan.ts';
import { ProviderLimiter } from './provider-limiter.ts';
import { SchedulerLease } from './scheduler-lease.ts';

/** The row of `scheduler_leases` this job runs under. */
export const HEALTH_LEASE = 'health-scheduler';

export interface HealthSchedulerOptions {
  store: Pick<Store, 'accounts' | 'healthChecks' | 'schedulerLeases' | 'transaction'>;
  clock: Clock;
  refresh: Pick<RefreshCoordinator, 'renew'>;
  settings: HealthSettings;
  /** Renewals in flight per provider (OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER). */
  concurrencyPerProvider: number;
  telemetry: Pick<Telemetry, 'healthCheck' | 'healthSchedulerLease'>;
  onError: (e: unknown) => void;
  /** How often it looks for due connections (default 10 s). */
  tickMs?: number;
  /** Connections renewed per tick at most (default 500): the scheduler's rate ceiling, batch / tick. */
  batch?: number;
  /** Never-scheduled connections given their first time per tick (default 2 000). */
  planBatch?: number;
  /** How long the lease lasts unrenewed, so how long a crashed holder's job waits (default 60 s). */
  leaseMs?: number;
}

/**
 * Proactive connection health (issue 12 items 6 and 8). In exactly one process at a time (a
 * database lease), each tick gives never-scheduled connections a time spread over the interval,
 * then renews the connections that are due, at most `batch` per tick and `concurrencyPerProvider`
 * at once per provider, through the refresh coordinator: the one exactly-once path, so a vend
 * racing a renewal shares or queues behind it and never causes a second refresh. The coordinator
 * marks dead grants `needs_reauthorization` and emits the event; this records what it found.
 */
export class HealthScheduler {
  private readonly lease: SchedulerLease;
  private readonly limiter: ProviderLimiter;
  private readonly tickMs: number;
  private readonly batch: number;
  private readonly planBatch: number;
  private readonly loop: TickLoop;

  constructor(private readonly o: HealthSchedulerOptions) {
    this.tickMs = o.tickMs ?? 10_000;
    this.batch = o.batch ?? 500;
    this.planBatch = o.planBatch ?? 2_000;
    this.limiter = new ProviderLimiter(o.concurrencyPerProvider);
    this.lease = new SchedulerLease(o.store, o.clock, HEALTH_LEASE, o.leaseMs ?? 60_000, (held) => o.telemetry.healthSchedulerLease(held));
    this.loop = new TickLoop({ tick: () => this.tick(), delayMs: () => this.tickMs, onError: o.onError });
  }

  /** This process's lease (its holder id, whether it holds it). */
  get schedulerLease(): SchedulerLease {
    return this.lease;
  }

  start(): void {
    this.loop.start();
  }

  /** Stops ticking, waits for the renewals in flight to be recorded, and gives the lease up. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.lease.release().catch((e: unknown) => this.o.onError(e));
  }

  /** One tick (ticks never overlap); resolves to the number of connections looked at. */
  tickOnce(): Promise<number> {
    return this.loop.tickOnce();
  }

  private async tick(): Promise<number> {
    if (!(await this.lease.ensure())) return 0;
    const { store, clock, settings } = this.o;
    await this.plan();
    const now = clock.now();
    const due = await store.healthChecks.due(iso(now), iso(now + settings.leadMs), this.batch);
    // The connections as of now, in one statement for the batch; the coordinator re-reads each under
    // its lock before deciding anything, so a look that waits for its provider's turn acts on fresh data.
    const rows = await store.accounts.byIds(due.map((d) => d.id));
    // One connection's failure (say, its record could not be written) is logged and leaves the others
    // running, so the tick, and `stop`, still wait for every renewal in flight.
    const looked = await Promise.all(
      due.map((d) =>
        this.limiter.run(d.provider, () =>
          this.look(d, rows.get(d.id)).catch((e: unknown) => {
            this.o.onError(e);
            return false;
          }),
        ),
      ),
    );
    return looked.filter(Boolean).length;
  }

  /** Gives never-scheduled connections their first time. */
  private async plan(): Promise<void> {
    const { store, clock, settings } = this.o;
    const rows = await store.healthChecks.unscheduled(this.planBatch);
    if (rows.length === 0) return;
    const now = clock.now();
    // One transaction for the batch: on SQLite, one commit (one sync) instead of one per connection.
    await store.transaction(async (tx) => {
      for (const row of rows) await tx.healthChecks.schedule(row.id, iso(firstCheckAt(row.id, row, now, settings)));
    });
  }

  /**
   * Renews one due connection and records the result; false when it was not looked at (deleted,
   * stopping, or the lease was lost while it waited for its provider's turn).
   */
  private async look(d: HealthDue, row: ConnectedAccount | undefined): Promise<boolean> {
    if (!row || this.loop.stopping || !(await this.lease.ensure())) return false;
    const { store, clock, settings } = this.o;
    // What the coordinator saw under the lock: the row as re-read there, and whether it was due.
    let judged: { row: ConnectedAccount; due: boolean } | null = null;
    let renewed: Renewed;
    try {
      renewed = await this.o.refresh.renew(row, {
        kind: 'due',
        due: (locked, at) => {
          const due = isDue(locked, at, settings);
          judged = { row: locked, due };
          return due;
        },
      });
    } catch (e) {
      // A database or programming error: logged, and backed off like a temporary failure so a
      // connection that trips it is not retried every tick.
      this.o.onError(e);
      renewed = { kind: 'unavailable', retryAfterSeconds: 0 };
    }
    const now = clock.now();
    const seen = judged as { row: ConnectedAccount; due: boolean } | null;
    if (seen && !seen.due) {
      // Renewed by someone else within the interval: nothing was sent, nothing is recorded as a check.
      const renewedAt = Date.parse(seen.row.last_refreshed_at ?? seen.row.updated_at);
      await store.healthChecks.schedule(d.id, iso(nextCheckAt(d.id, seen.row, renewedAt, now + settings.backoffBaseMs, settings)));
      this.count('not_due');
      return true;
    }
    const outcome: HealthCheckOutcome =
      renewed.kind === 'needs_reauthorization'
        ? 'needs_reauthorization'
        : renewed.kind === 'unavailable' || renewed.deferred
          ? 'temporary_failure'
          : 'ok';
    const at = iso(now);
    if (outcome === 'ok' && renewed.kind === 'token') {
      const fresh = { expires_at: renewed.expiresAt, updated_at: at };
      const next = nextCheckAt(d.id, fresh, now, now + settings.backoffBaseMs, settings);
      await store.healthChecks.record(d.id, this.entry(at, 'ok', 0, iso(next)));
    } else if (outcome === 'temporary_failure') {
      const failures = d.health_check_failures + 1;
      const next = retryAt(d.id, failures, (seen?.row ?? row).expires_at, now, settings);
      await store.healthChecks.record(d.id, this.entry(at, outcome, failures, iso(next)));
    } else {
      // The coordinator set the state and emitted the event. No next look: the connection leaves the
      // scheduler's index until it is connected again, and is then scheduled afresh.
      await store.healthChecks.record(d.id, this.entry(at, outcome, 0, null));
    }
    this.count(outcome);
    return true;
  }

  private entry(at: string, result: 'ok' | 'temporary_failure' | 'needs_reauthorization', failures: number, next: string | null) {
    return { last_health_check_at: at, last_health_check_result: result, health_check_failures: failures, next_health_check_at: next };
  }

  private count(outcome: HealthCheckOutcome): void {
    this.o.telemetry.healthCheck(outcome);
  }
}
