import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { HealthCheckOutcome, ProviderCallKind, ProviderCallResult, Telemetry, VendOutcome, VendRoute } from '../core/telemetry.ts';
import type { Store } from '../store/store.ts';

/**
 * The services' metrics in Prometheus form, registered on the registry `/metrics` serves (the
 * webhook outbox registers its own, webhooks/webhook-metrics.ts). Provider labels are catalog
 * slugs; every custom provider is `custom`, so tenants cannot grow the label set without bound.
 */
export class ServiceMetrics implements Telemetry {
  private readonly vends: Counter<'route' | 'outcome'>;
  private readonly refreshes: Counter<'provider' | 'outcome'>;
  private readonly providerCalls: Histogram<'provider' | 'kind' | 'result'>;
  private readonly proxiedCalls: Counter<'provider' | 'source' | 'status_class'>;
  private readonly proxyRetries: Counter<'provider' | 'reason'>;
  private readonly healthChecks: Counter<'result'>;
  private readonly healthLease: Gauge;

  constructor(
    registry: Registry,
    private readonly isBuiltin: (slug: string) => boolean,
    store: Pick<Store, 'poolStats'>,
  ) {
    this.vends = new Counter({
      name: 'openpipes_vends_total',
      help: 'Answered token and credential vends by route and outcome (ok, refreshed, not_installed, needs_reauthorization, unavailable, refused).',
      labelNames: ['route', 'outcome'],
      registers: [registry],
    });
    this.refreshes = new Counter({
      name: 'openpipes_refreshes_total',
      help: 'Token renewals by provider and outcome (refreshed, invalid_grant, rejected, temporary, malformed).',
      labelNames: ['provider', 'outcome'],
      registers: [registry],
    });
    this.providerCalls = new Histogram({
      name: 'openpipes_provider_call_seconds',
      help: 'Duration of calls to providers by provider, kind (exchange, refresh, client_credentials, revoke) and result (answered, network, connection_lost, timeout, forbidden_address).',
      labelNames: ['provider', 'kind', 'result'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.proxiedCalls = new Counter({
      name: 'openpipes_proxy_requests_total',
      help: 'Proxied calls by provider, source of the answer (provider, openpipes) and status class (2xx, 4xx, …).',
      labelNames: ['provider', 'source', 'status_class'],
      registers: [registry],
    });
    this.proxyRetries = new Counter({
      name: 'openpipes_proxy_retries_total',
      help: 'Extra attempts of proxied calls by provider and reason (renewed_token: after a 401 and a renewal; retry: OpenPipes-Retries).',
      labelNames: ['provider', 'reason'],
      registers: [registry],
    });
    this.healthChecks = new Counter({
      name: 'openpipes_health_checks_total',
      help: 'Looks of the health scheduler at connections by result (ok, temporary_failure, needs_reauthorization, not_due).',
      labelNames: ['result'],
      registers: [registry],
    });
    this.healthLease = new Gauge({
      name: 'openpipes_health_scheduler_lease',
      help: 'Whether this process holds the health scheduler lease (1) or not (0); at most one process across the deployment shows 1.',
      registers: [registry],
    });
    new Gauge({
      name: 'openpipes_db_pool_connections',
      help: 'PostgreSQL connection pool: total, idle, and waiting (queries queued for a connection). Absent on SQLite.',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const stats = store.poolStats();
        if (!stats) return;
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }

  vend(route: VendRoute, outcome: VendOutcome): void {
    this.vends.inc({ route, outcome });
  }

  refresh(provider: string, outcome: string): void {
    this.refreshes.inc({ provider: this.label(provider), outcome });
  }

  providerCall(provider: string, kind: ProviderCallKind, result: ProviderCallResult, seconds: number): void {
    this.providerCalls.observe({ provider: this.label(provider), kind, result }, seconds);
  }

  proxied(provider: string, source: 'provider' | 'openpipes', statusClass: string): void {
    this.proxiedCalls.inc({ provider: this.label(provider), source, status_class: statusClass });
  }

  proxyRetry(provider: string, reason: 'renewed_token' | 'retry'): void {
    this.proxyRetries.inc({ provider: this.label(provider), reason });
  }

  healthCheck(outcome: HealthCheckOutcome): void {
    this.healthChecks.inc({ result: outcome });
  }

  healthSchedulerLease(held: boolean): void {
    this.healthLease.set(held ? 1 : 0);
  }

  private label(slug: string): string {
    return this.isBuiltin(slug) ? slug : 'custom';
  }
}
