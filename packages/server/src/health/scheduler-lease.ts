import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import type { Store } from '../store/store.ts';

/**
 * This process's claim on a job that runs in one process at a time (a row of `scheduler_leases`).
 * `ensure` takes the lease, or renews it once a third of it has passed, so a live holder renews
 * twice before it could lapse; a crashed holder stops renewing and, `leaseMs` later, another
 * process's `ensure` takes over. A holder that cannot reach the database stops counting itself the
 * holder when its own copy of the expiry passes, the moment another process may take over.
 */
export class SchedulerLease {
  /** A random id of this process (of this lease object), stored as the row's holder. */
  readonly holder = randomBytes(9).toString('base64url');
  /** Until when this process holds it, by its own clock; 0: not held. */
  private heldUntil = 0;
  private takenAt = 0;
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly store: Pick<Store, 'schedulerLeases'>,
    private readonly clock: Clock,
    readonly name: string,
    readonly leaseMs: number,
    private readonly onChange: (held: boolean) => void = () => undefined,
  ) {}

  /** Whether this process holds the lease now. */
  held(now = this.clock.now()): boolean {
    return now < this.heldUntil;
  }

  /** Takes or renews the lease when needed; true when this process holds it afterwards. */
  ensure(): Promise<boolean> {
    const now = this.clock.now();
    if (this.held(now) && now - this.takenAt < this.leaseMs / 3) return Promise.resolve(true);
    // Concurrent callers (renewals started in parallel) share one statement.
    this.pending ??= this.take(now).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Gives the lease up now (a clean stop), so another process need not wait for it to lapse. */
  async release(): Promise<void> {
    if (this.heldUntil === 0) return;
    this.set(0, 0);
    await this.store.schedulerLeases.release(this.name, this.holder);
  }

  private async take(now: number): Promise<boolean> {
    const taken = await this.store.schedulerLeases.take(this.name, this.holder, iso(now), iso(now + this.leaseMs));
    this.set(taken ? now : 0, taken ? now + this.leaseMs : 0);
    return taken;
  }

  private set(takenAt: number, until: number): void {
    const was = this.heldUntil > 0;
    this.takenAt = takenAt;
    this.heldUntil = until;
    if (was !== until > 0) this.onChange(until > 0);
  }
}
