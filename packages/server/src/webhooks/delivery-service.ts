import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { notFound } from '../core/errors.ts';
import type { WebhookAttempt, WebhookDelivery } from '../domain/webhook-delivery.ts';
import type { WebhookEndpoint } from '../domain/webhook-endpoint.ts';
import type { Store } from '../store/store.ts';

/** An endpoint is reported failing when this many of its latest attempts all failed. */
const FAILING_AFTER = 3;

export type EndpointHealth = 'healthy' | 'failing' | 'untried';

/**
 * What an operator sees of the outbox: each endpoint's deliveries with every attempt, a health
 * label, and a manual re-send. The label never changes an endpoint: endpoints are not
 * auto-disabled (§11.3.1).
 */
export class DeliveryService {
  constructor(private readonly deps: { store: Pick<Store, 'webhookEndpoints' | 'webhookDeliveries'>; clock: Clock }) {}

  /** Every endpoint (of one environment, or all) with its health label. */
  async endpoints(environmentId: string | null): Promise<Array<{ endpoint: WebhookEndpoint; health: EndpointHealth }>> {
    const endpoints = await this.deps.store.webhookEndpoints.list(environmentId);
    return Promise.all(endpoints.map(async (endpoint) => ({ endpoint, health: await this.health(endpoint.id) })));
  }

  /** An endpoint's deliveries; `environmentId` null for the operator, who sees every environment. */
  async deliveries(
    environmentId: string | null,
    endpointId: string,
    limit: number,
  ): Promise<{ health: EndpointHealth; deliveries: Array<WebhookDelivery & { attempt_log: WebhookAttempt[] }> }> {
    const endpoint = await this.deps.store.webhookEndpoints.byId(environmentId, endpointId);
    if (!endpoint) throw notFound(`No webhook endpoint "${endpointId}".`, endpointId);
    return { health: await this.health(endpointId), deliveries: await this.deps.store.webhookDeliveries.forEndpoint(endpointId, limit) };
  }

  async resend(environmentId: string | null, deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.deps.store.webhookDeliveries.resend(environmentId, deliveryId, iso(this.deps.clock.now()));
    if (!delivery) throw notFound(`No webhook delivery "${deliveryId}".`, deliveryId);
    return delivery;
  }

  /** Attempts since `from`, by hour (`YYYY-MM-DDTHH`) and outcome (the dashboard's overview). */
  attemptsByHour(from: string): Promise<Array<{ hour: string; outcome: 'delivered' | 'failed'; count: number }>> {
    return this.deps.store.webhookDeliveries.attemptsByHour(from);
  }

  async health(endpointId: string): Promise<EndpointHealth> {
    const recent = await this.deps.store.webhookDeliveries.recentAttempts(endpointId, FAILING_AFTER);
    if (recent.length === 0) return 'untried';
    return recent.length === FAILING_AFTER && recent.every((a) => a.error !== null) ? 'failing' : 'healthy';
  }
}
