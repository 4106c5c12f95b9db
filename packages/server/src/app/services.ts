import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Clock } from '../core/clock.ts';
import { ApiKeyConnections } from '../connections/api-key-connections.ts';
import { ConnectedAccountService } from '../connections/connected-account-service.ts';
import { AuthorizationService } from '../connections/authorization-service.ts';
import { ClientCredentialsConnections } from '../connections/client-credentials-connections.ts';
import { ListingReadModels } from '../connections/listing-read-models.ts';
import { ProviderListing } from '../connections/provider-listing.ts';
import { RefreshCoordinator } from '../connections/refresh-coordinator.ts';
import { Revoker, type RevocationLog } from '../connections/revoker.ts';
import { LastUsedRecorder } from '../connections/last-used.ts';
import { UsageCounter } from '../connections/usage-counter.ts';
import { VendingService } from '../connections/vending-service.ts';
import { OAuthClient } from '../oauth/oauth-client.ts';
import { OAuthHttpClient, type FetchLike } from '../oauth/http-client.ts';
import { ApiKeyService } from '../environments/api-key-service.ts';
import { EnvironmentService } from '../environments/environment-service.ts';
import { EventRecorder } from '../events/event-recorder.ts';
import { EventService } from '../events/event-service.ts';
import { IntegrationService } from '../integrations/integration-service.ts';
import { OrgConfigurationService } from '../integrations/org-configuration-service.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { OperatorService } from '../operators/operator-service.ts';
import { OperatorSessions } from '../operators/session-service.ts';
import type { Store } from '../store/store.ts';
import { WidgetTokens } from '../widgets/widget-token.ts';
import { WidgetTokenService } from '../widgets/widget-token-service.ts';
import { DeliveryService } from '../webhooks/delivery-service.ts';
import { DeliveryWorker } from '../webhooks/delivery-worker.ts';
import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from '../webhooks/retry-schedule.ts';
import { WebhookEndpointService } from '../webhooks/webhook-endpoint-service.ts';
import { WebhookMetrics } from '../webhooks/webhook-metrics.ts';
import type { WebhookFetch } from '../webhooks/webhook-sender.ts';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { NO_TELEMETRY } from '../core/telemetry.ts';
import { ServiceMetrics } from '../metrics/service-metrics.ts';
import type { LookupFunction } from 'node:net';
import { createGuardedDispatcher } from '../outbound/guarded-dispatcher.ts';
import { guardedFetch } from '../outbound/guarded-fetch.ts';
import type { AppDeps } from '../http/deps.ts';
import { ProxyService } from '../proxy/proxy-service.ts';
import { HealthScheduler, type HealthSchedulerOptions } from '../health/health-scheduler.ts';
import type { HealthSettings } from '../health/health-plan.ts';

export interface CoreDeps {
  store: Store;
  /** Signs widget tokens (a key derived from it); the store has its own use of it for sealing. */
  keyring: Keyring;
  catalog: ProviderCatalog;
  clock: Clock;
  publicUrl: string;
  allowInsecureProviderUrls: boolean;
  logLevel?: string;
  /** Outbound HTTP to providers; tests inject recorded responses here (bypassing the address guard). */
  fetch?: FetchLike;
  /**
   * The resolver behind the outbound address guard (`dns.lookup` by default); tests map names such
   * as `idp.example.test` to the addresses they want the guard to judge.
   */
  lookup?: LookupFunction;
  /** Deadline of one provider call; shorter than the refresh lock so a live holder always finishes. */
  outboundTimeoutMs?: number;
  /** Renew tokens this long before they expire. */
  refreshMarginMs?: number;
  /** After a refresh whose outcome is unknown, hold other refreshes of that connection this long (0: off). */
  refreshInDoubtMs?: number;
  log?: RevocationLog;
  /** Webhook delivery: retry schedule, attempt deadline, outbox polling, and (tests) the fetch. */
  webhooks?: { schedule?: RetrySchedule; timeoutMs?: number; pollMs?: number; fetch?: WebhookFetch };
  /** Rate limits, the Idempotency-Key bound and the trusted proxies (passed to the HTTP layer; defaults there). */
  http?: Pick<AppDeps, 'rateLimits' | 'idempotencyMaxKeys' | 'trustProxy'>;
  /** Serve `/metrics` (OPENPIPES_METRICS), behind this bearer token when not null; absent: no endpoint, no counting. */
  metricsEndpoint?: { token: string | null };
  /**
   * The proactive health scheduler (OPENPIPES_HEALTH_SCHEDULER=true); absent: none. Tests also set
   * its tick, batch and lease here.
   */
  health?: Omit<HealthSettings, 'backoffBaseMs'> &
    Partial<Pick<HealthSettings, 'backoffBaseMs'>> &
    Pick<HealthSchedulerOptions, 'concurrencyPerProvider' | 'tickMs' | 'batch' | 'planBatch' | 'leaseMs'>;
}

/** The first retry after a temporary failure of a health check; then doubling, up to the interval. */
const HEALTH_BACKOFF_BASE_MS = 60_000;

const WEBHOOK_TIMEOUT_MS = 15_000;
const WEBHOOK_POLL_MS = 1_000;

export const OUTBOUND_TIMEOUT_MS = 10_000;
export const LOCK_TIMEOUT_MS = 15_000;
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const REFRESH_IN_DOUBT_MS = 60 * 1000;

const stderrLog: RevocationLog = {
  warn: (data, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...data })}\n`),
};

/** Every service, built once; the HTTP layer takes what it needs from here. */
export type Services = ReturnType<typeof buildServices>;

/** Wires the services together; the one place that knows who needs whom. */
export function buildServices(core: CoreDeps) {
  const { store, catalog, clock } = core;
  const recorder = new EventRecorder(clock);
  const apiKeyConnections = new ApiKeyConnections({ store, clock, events: recorder });
  const metrics = new Registry();
  if (core.metricsEndpoint) collectDefaultMetrics({ register: metrics });
  const telemetry = core.metricsEndpoint ? new ServiceMetrics(metrics, (slug) => catalog.has(slug), store) : NO_TELEMETRY;
  const outboundTimeoutMs = core.outboundTimeoutMs ?? OUTBOUND_TIMEOUT_MS;
  // One guarded dispatcher per process for every provider call and webhook delivery
  // (docs/security.md B): one connection pool, one place where the address rule is applied.
  const outboundDispatcher = createGuardedDispatcher({
    allowInsecure: core.allowInsecureProviderUrls,
    ...(core.lookup ? { lookup: core.lookup } : {}),
  });
  const outboundFetch = guardedFetch(outboundDispatcher);
  const oauth = new OAuthClient(
    new OAuthHttpClient({
      fetch: core.fetch ?? outboundFetch,
      timeoutMs: outboundTimeoutMs,
      allowInsecure: core.allowInsecureProviderUrls,
    }),
    () => clock.now(),
    telemetry,
  );
  const lockTimeoutMs = Math.max(LOCK_TIMEOUT_MS, outboundTimeoutMs * 2);
  const lock = store.refreshLock(clock, lockTimeoutMs);
  const usage = new UsageCounter({
    store,
    clock,
    onError: (e) => (core.log ?? stderrLog).warn({ error: (e as Error).name }, 'usage counters flush failed'),
  });
  const lastUsed = new LastUsedRecorder({
    store,
    clock,
    onError: (e) => (core.log ?? stderrLog).warn({ error: (e as Error).name }, 'last-used flush failed'),
  });
  const refresh = new RefreshCoordinator({
    usage,
    catalog,
    clock,
    oauth,
    events: recorder,
    lock,
    marginMs: core.refreshMarginMs ?? REFRESH_MARGIN_MS,
    inDoubtMs: core.refreshInDoubtMs ?? REFRESH_IN_DOUBT_MS,
    telemetry,
    publicUrl: core.publicUrl,
  });
  const environments = new EnvironmentService({ store, clock });
  const revoker = new Revoker({ store, catalog, oauth, log: core.log ?? stderrLog });
  const widgetTokens = new WidgetTokens(core.keyring, clock);
  const webhooks = core.webhooks ?? {};
  const deliveryWorker = new DeliveryWorker({
    store,
    clock,
    fetch: webhooks.fetch ?? outboundFetch,
    schedule: webhooks.schedule ?? DEFAULT_RETRY_SCHEDULE,
    timeoutMs: webhooks.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
    pollMs: webhooks.pollMs ?? WEBHOOK_POLL_MS,
    metrics: new WebhookMetrics(metrics, store),
    onError: (e) => (core.log ?? stderrLog).warn({ error: (e as Error).name }, 'webhook delivery tick failed'),
  });
  const vending = new VendingService({ store, catalog, refresh, usage, lastUsed, telemetry });
  const health = core.health;
  const healthScheduler = health
    ? new HealthScheduler({
        ...health,
        store,
        clock,
        refresh,
        telemetry,
        settings: { leadMs: health.leadMs, intervalMs: health.intervalMs, backoffBaseMs: health.backoffBaseMs ?? HEALTH_BACKOFF_BASE_MS },
        onError: (e) => (core.log ?? stderrLog).warn({ error: (e as Error).name }, 'health scheduler tick failed'),
      })
    : null;
  return {
    publicUrl: core.publicUrl,
    idempotency: store.idempotency,
    clock,
    catalog,
    environments,
    apiKeys: new ApiKeyService({ store, clock }),
    integrations: new IntegrationService({
      store,
      catalog,
      clock,
      allowInsecureProviderUrls: core.allowInsecureProviderUrls,
      installApiKey: apiKeyConnections.installFirst,
    }),
    orgConfigurations: new OrgConfigurationService({ store, catalog, clock }),
    accounts: new ConnectedAccountService({
      store,
      clock,
      events: recorder,
      revoke: (account, integration) => revoker.revoke(account, integration),
    }),
    authorization: new AuthorizationService({ store, catalog, clock, publicUrl: core.publicUrl, oauth, events: recorder, environments }),
    vending,
    /** Issue 12's proxy to provider APIs: the vend's connection and credential, out through the guarded dispatcher only. */
    proxy: new ProxyService({ vending, refresh, store, catalog, dispatcher: outboundDispatcher, telemetry }),
    clientCredentials: new ClientCredentialsConnections({ store, catalog, clock, oauth, events: recorder }),
    apiKeyConnections,
    listing: new ProviderListing({ store, readModels: new ListingReadModels({ store, catalog }) }),
    events: new EventService(store),
    webhookEndpoints: new WebhookEndpointService({ store, clock, allowInsecureUrls: core.allowInsecureProviderUrls }),
    webhookDeliveries: new DeliveryService({ store, clock }),
    operators: new OperatorService({ store, clock }),
    /** Dashboard sign-in, sessions and their CSRF tokens. */
    operatorSessions: new OperatorSessions({ store, clock }),
    widgetTokens: new WidgetTokenService(widgetTokens),
    /** Verifies widget tokens on the widget routes. */
    widgetTokenVerifier: widgetTokens,
    /** Sends the webhook outbox; the composition root starts and stops it. */
    deliveryWorker,
    /** The health scheduler when configured (null: off); the composition root starts and stops it. */
    healthScheduler,
    /** Vends and refreshes by hour and outcome, counted in memory; the composition root starts and stops its flush. */
    usage,
    /** When each connection was last vended, recorded in memory; the composition root starts and stops its flush. */
    lastUsed,
    /** Every metric the service keeps, for `/metrics`. */
    metrics,
    /** The guarded connection pool of provider calls and webhook deliveries; the composition root closes it last. */
    outboundDispatcher,
    /** Whether `/metrics` is served, and its token. */
    metricsEndpoint: core.metricsEndpoint ?? null,
    /** For `/ready`: the database answers and its migrations are current. */
    readiness: () => store.readiness(),
    ...(core.logLevel ? { logLevel: core.logLevel } : {}),
    ...core.http,
  };
}
