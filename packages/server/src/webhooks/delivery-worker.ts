import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { TickLoop } from '../core/tick-loop.ts';
import { iso } from '../core/clock.ts';
import type { DueDelivery } from '../domain/webhook-delivery.ts';
import { presentEvent } from '../events/event-service.ts';
import type { AttemptOutcome } from '../store/webhook-deliveries-repo.ts';
import type { Store } from '../store/store.ts';
import { type RetrySchedule, retryDelayMs } from './retry-schedule.ts';
import type { WebhookMetrics } from './webhook-metrics.ts';
import { type SendResult, sendWebhook, type WebhookFetch } from './webhook-sender.ts';

export interface DeliveryWorkerOptions {
  store: Pick<Store, 'webhookDeliveries' | 'transaction'>;
  clock: Clock;
  fetch: WebhookFetch;
  schedule: RetrySchedule;
  /** Deadline of one attempt (§11.3.1: 15 s). */
  timeoutMs: number;
  /** How often the outbox is looked at. */
  pollMs: number;
  metrics: WebhookMetrics;
  onError: (e: unknown) => void;
  /** Endpoints taken per look, and deliveries sent per endpoint before it is handed back. */
  endpointsPerTick?: number;
  deliveriesPerEndpoint?: number;
}

/**
 * Sends the outbox. Each tick leases a few endpoints with something due (one process per
 * endpoint at a time, across processes), sends each endpoint's due deliveries one after another
 * in event order, records every attempt, and schedules retries. The lease outlasts the longest
 * batch (attempts × timeout), so a crashed process's endpoints are picked up once it lapses; a
 * delivery whose attempt was in flight is then sent again (at-least-once).
 */
export class DeliveryWorker {
  private readonly loop: TickLoop;
  private readonly endpointsPerTick: number;
  private readonly perEndpoint: number;

  constructor(private readonly o: DeliveryWorkerOptions) {
    this.endpointsPerTick = o.endpointsPerTick ?? 8;
    this.perEndpoint = o.deliveriesPerEndpoint ?? 5;
    // The next look at a jittered interval: processes that start together drift apart, so the
    // endpoint leases do not always go to the same one.
    this.loop = new TickLoop({
      tick: () => this.tick(),
      delayMs: () => Math.round(o.pollMs * (0.5 + Math.random())),
      onError: o.onError,
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for the attempts in flight (not the rest of their batches) to be recorded. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One look at the outbox (ticks never overlap); resolves to the number of attempts made. */
  tickOnce(): Promise<number> {
    return this.loop.tickOnce();
  }

  private async tick(): Promise<number> {
    const { store, clock } = this.o;
    const now = clock.now();
    const leaseMs = (this.perEndpoint + 1) * this.o.timeoutMs;
    const lease = `${iso(now + leaseMs)}#${randomBytes(6).toString('hex')}`;
    const endpoints = await store.webhookDeliveries.claimEndpoints(iso(now), lease, this.endpointsPerTick);
    const counts = await Promise.all(endpoints.map((id) => this.drain(id, lease)));
    return counts.reduce((a, b) => a + b, 0);
  }

  private async drain(endpointId: string, lease: string): Promise<number> {
    const { store, clock } = this.o;
    let sent = 0;
    try {
      const due = await store.webhookDeliveries.due(endpointId, iso(clock.now()), this.perEndpoint);
      // One at a time: an endpoint's first attempts go out in event order (§11.3.1). A stopping
      // process finishes the attempt in flight and leaves the rest to the next holder.
      for (const delivery of due) {
        if (this.loop.stopping) break;
        await this.attempt(delivery);
        sent++;
      }
      return sent;
    } finally {
      await store.webhookDeliveries.releaseEndpoint(endpointId, lease);
    }
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const { store, clock, metrics } = this.o;
    const body = JSON.stringify(presentEvent(delivery.event));
    const sent = await sendWebhook(
      this.o.fetch,
      { url: delivery.endpoint_url, secret: delivery.secret, body, timeoutMs: this.o.timeoutMs },
      () => clock.now(),
    );
    const outcome = this.outcome(delivery, sent);
    const attempted = iso(clock.now() - sent.durationMs);
    await store.transaction((tx) =>
      tx.webhookDeliveries.recordAttempt(
        delivery,
        { attempted_at: attempted, status_code: sent.status, duration_ms: sent.durationMs, error: sent.error },
        outcome,
      ),
    );
    metrics.attempt(sent.ok ? 'delivered' : outcome.status === 'failed' ? 'failed' : 'retrying', sent.durationMs);
  }

  private outcome(delivery: DueDelivery, sent: SendResult): AttemptOutcome {
    if (sent.ok) return { status: 'delivered' };
    const retry = delivery.attempts + 1;
    if (retry > this.o.schedule.maxRetries) return { status: 'failed' };
    return { status: 'pending', next_attempt_at: iso(this.o.clock.now() + retryDelayMs(retry, this.o.schedule)) };
  }
}
