import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Clock } from '../core/clock.ts';
import type { ConnectedAccountService } from '../connections/connected-account-service.ts';
import type { UsageCounter } from '../connections/usage-counter.ts';
import type { ApiKeyService } from '../environments/api-key-service.ts';
import type { EnvironmentService } from '../environments/environment-service.ts';
import type { EventService } from '../events/event-service.ts';
import type { IntegrationService } from '../integrations/integration-service.ts';
import type { OperatorSessions } from '../operators/session-service.ts';
import type { DeliveryService } from '../webhooks/delivery-service.ts';

/** What the dashboard uses: the same services as the API, acting for an operator across environments. */
export interface DashboardDeps {
  publicUrl: string;
  /** "Now" for the relative times the pages show. */
  clock: Clock;
  catalog: ProviderCatalog;
  environments: EnvironmentService;
  apiKeys: ApiKeyService;
  integrations: IntegrationService;
  accounts: ConnectedAccountService;
  operatorSessions: OperatorSessions;
  events: EventService;
  webhookDeliveries: DeliveryService;
  usage: UsageCounter;
}

/** The instance a dashboard route module registers on (TypeBox-typed, like the API's). */
export type DashboardApp = Parameters<FastifyPluginAsyncTypebox>[0];
