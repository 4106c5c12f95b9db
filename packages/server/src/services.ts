import type { ProviderCatalog } from './catalog/catalog.ts';
import type { Clock } from './clock.ts';
import { ApiKeyConnections } from './connections/api-key-connections.ts';
import { ConnectedAccountService } from './connections/connected-account-service.ts';
import { ProviderListing } from './connections/provider-listing.ts';
import type { Keyring } from './crypto/keyring.ts';
import { ApiKeyService } from './environments/api-key-service.ts';
import { EnvironmentService } from './environments/environment-service.ts';
import { EventRecorder } from './events/event-recorder.ts';
import { EventService } from './events/event-service.ts';
import type { AppDeps } from './http/deps.ts';
import { IntegrationService } from './integrations/integration-service.ts';
import { OrgConfigurationService } from './integrations/org-configuration-service.ts';
import type { Store } from './store/store.ts';

export interface CoreDeps {
  store: Store;
  keyring: Keyring;
  catalog: ProviderCatalog;
  clock: Clock;
  publicUrl: string;
  allowInsecureProviderUrls: boolean;
  logLevel?: string;
}

/** Wires the services together; the one place that knows who needs whom. */
export function buildServices(core: CoreDeps): AppDeps {
  const { store, keyring, catalog, clock } = core;
  const recorder = new EventRecorder(clock);
  const apiKeyConnections = new ApiKeyConnections({ store, keyring, clock, events: recorder });
  return {
    publicUrl: core.publicUrl,
    store,
    clock,
    catalog,
    environments: new EnvironmentService({ store, clock }),
    apiKeys: new ApiKeyService({ store, clock }),
    integrations: new IntegrationService({ store, catalog, keyring, clock, allowInsecureProviderUrls: core.allowInsecureProviderUrls, apiKeyConnections }),
    orgConfigurations: new OrgConfigurationService({ store, catalog, keyring, clock }),
    accounts: new ConnectedAccountService({ store, keyring, clock, events: recorder }),
    apiKeyConnections,
    listing: new ProviderListing({ store, catalog }),
    events: new EventService(store),
    ...(core.logLevel ? { logLevel: core.logLevel } : {}),
  };
}
