import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Store } from '../store/store.ts';

/**
 * The outbox's metrics, registered on the registry `/metrics` serves: queue depth by status
 * (read from the database when scraped, so every process reports the shared queue), attempts by
 * outcome, and attempt latency.
 */
export class WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly latency: Histogram;

  constructor(registry: Registry, store: Pick<Store, 'webhookDeliveries'>) {
    this.attempts = new Counter({
      name: 'openpipes_webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome (delivered, retrying, failed).',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'openpipes_webhook_attempt_seconds',
      help: 'Duration of webhook delivery attempts, success or not.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    });
    new Gauge({
      name: 'openpipes_webhook_deliveries',
      help: 'Webhook deliveries by status (pending is the queue depth).',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        const counts = await store.webhookDeliveries.countByStatus();
        for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
      },
    });
  }

  attempt(outcome: 'delivered' | 'retrying' | 'failed', durationMs: number): void {
    this.attempts.inc({ outcome });
    this.latency.observe(durationMs / 1000);
  }
}
