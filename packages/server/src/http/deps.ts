import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { DashboardDeps } from '../dashboard/deps.ts';
import type { Clock } from '../core/clock.ts';
import type { ApiKeyConnections } from '../connections/api-key-connections.ts';
import type { AuthorizationService } from '../connections/authorization-service.ts';
import type { ClientCredentialsConnections } from '../connections/client-credentials-connections.ts';
import type { VendingService } from '../connections/vending-service.ts';
import type { ProxyService } from '../proxy/proxy-service.ts';
import type { ConnectedAccountService } from '../connections/connected-account-service.ts';
import type { ProviderListing } from '../connections/provider-listing.ts';
import type { ApiKeyService } from '../environments/api-key-service.ts';
import type { EnvironmentService } from '../environments/environment-service.ts';
import type { EventService } from '../events/event-service.ts';
import type { IntegrationService } from '../integrations/integration-service.ts';
import type { OrgConfigurationService } from '../integrations/org-configuration-service.ts';
import type { IdempotencyLedger } from '../domain/idempotency-record.ts';
import type { DeliveryService } from '../webhooks/delivery-service.ts';
import type { WebhookEndpointService } from '../webhooks/webhook-endpoint-service.ts';
import type { WidgetTokenService } from '../widgets/widget-token-service.ts';
import type { WidgetTokens } from '../widgets/widget-token.ts';
import type { HttpTimeouts } from './timeouts.ts';
import type { RateLimits, TrustProxy } from './rate-limits.ts';
import type { Readiness } from '../domain/readiness.ts';
import type { Registry } from 'prom-client';

/** What the HTTP layer needs (the dashboard's needs included); built once by the composition root (main.ts / test helpers). */
export interface AppDeps extends DashboardDeps {
  publicUrl: string;
  /** Idempotency-Key claims and stored answers. */
  idempotency: IdempotencyLedger;
  clock: Clock;
  catalog: ProviderCatalog;
  environments: EnvironmentService;
  apiKeys: ApiKeyService;
  integrations: IntegrationService;
  orgConfigurations: OrgConfigurationService;
  accounts: ConnectedAccountService;
  apiKeyConnections: ApiKeyConnections;
  authorization: AuthorizationService;
  vending: VendingService;
  proxy: ProxyService;
  clientCredentials: ClientCredentialsConnections;
  listing: ProviderListing;
  events: EventService;
  webhookEndpoints: WebhookEndpointService;
  webhookDeliveries: DeliveryService;
  widgetTokens: WidgetTokenService;
  widgetTokenVerifier: WidgetTokens;
  /** Every metric the service keeps; served at `/metrics` when `metricsEndpoint` is set. */
  metrics: Registry;
  metricsEndpoint: { token: string | null } | null;
  /** For `/ready`. */
  readiness(): Promise<Readiness>;
  logLevel?: string;
  /** Requests per minute per API key and per client address (default DEFAULT_RATE_LIMITS). */
  rateLimits?: RateLimits;
  /** Live Idempotency-Key rows per API key (default DEFAULT_IDEMPOTENCY_MAX_KEYS; 0: no bound). */
  idempotencyMaxKeys?: number;
  /** Which proxies' X-Forwarded-For gives the client address (Fastify's `trustProxy`; default none). */
  trustProxy?: TrustProxy;
  /** Where the request log goes (default standard output); tests read it. */
  logStream?: { write(line: string): void };
  /** Inbound request deadlines (default DEFAULT_HTTP_TIMEOUTS). */
  httpTimeouts?: HttpTimeouts;
}
