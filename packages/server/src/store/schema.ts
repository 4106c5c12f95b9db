import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { CustomProviderRecord } from '../domain/custom-provider-record.ts';
import type { ApiKey, Environment } from '../domain/environment.ts';
import type { StoredEvent } from '../domain/event.ts';
import type { Flow } from '../domain/flow.ts';
import type { IdempotencyRecord } from '../domain/idempotency-record.ts';
import type { Integration } from '../domain/integration.ts';
import type { OrgConfiguration } from '../domain/org-configuration.ts';
import type { DashboardSession, Operator } from '../domain/operator.ts';
import type { OwnerType } from '../domain/owner.ts';
import type { WebhookAttempt, WebhookDelivery } from '../domain/webhook-delivery.ts';
import type { UsageCount } from '../domain/usage.ts';
import type { WebhookEndpoint } from '../domain/webhook-endpoint.ts';

/**
 * Row shapes as stored: each domain type with the fields whose stored encoding differs replaced.
 * Both dialects share them: booleans are 0/1 integers, timestamps ISO-8601 text (lexicographic
 * order = time order), JSON as text, secrets as sealed text (store/sealer.ts).
 */
type Stored<T, Encoded> = Omit<T, keyof Encoded> & Encoded;

type Sealed = string | null;

export type EnvironmentsTable = Stored<Environment, { production: number; allowed_return_origins: string; confirmation_screen: number }>;

export type ApiKeysTable = ApiKey;

export type CustomProvidersTable = Stored<CustomProviderRecord, { definition: string }>;

export type DataIntegrationsTable = Stored<Integration, { enabled: number; scopes: string | null; config: string; client_secret: Sealed }>;

export type OrgConfigurationsTable = Stored<
  OrgConfiguration,
  { enabled: number | null; scopes: string | null; config: string | null; client_secret: Sealed }
>;

export type ConnectedAccountsTable = Stored<
  ConnectedAccount,
  {
    scopes: string;
    access_token: Sealed;
    refresh_token: Sealed;
    api_key: Sealed;
    client_secret: Sealed;
    config: string;
    metadata: string | null;
    /** SQLite's cross-process refresh lease (ISO time it lapses); null when nobody refreshes. */
    refresh_lock_until: string | null;
    /** When the health scheduler looks at the connection next (ISO); null: as soon as it can. */
    next_health_check_at: string | null;
    /** Temporary failures in a row the health scheduler saw (its backoff); 0 after a success. */
    health_check_failures: number;
  }
>;

export type FlowsTable = Stored<
  Omit<Flow, 'owner'>,
  {
    owner_type: OwnerType;
    user_id: string | null;
    organization_id: string | null;
    owner_key: string;
    code_verifier: Sealed;
    config: string;
    scopes: string;
  }
>;

export type EventsTable = Stored<StoredEvent, { data: string }>;

export type IdempotencyKeysTable = IdempotencyRecord;

export type WebhookEndpointsTable = Stored<
  WebhookEndpoint,
  {
    secret: string;
    events: string;
    /** Which process delivers this endpoint's queue right now (ISO time the lease lapses). */
    delivery_lease_until: string | null;
  }
>;

export type WebhookDeliveriesTable = WebhookDelivery;

export type WebhookAttemptsTable = WebhookAttempt;

export type OperatorsTable = Operator;

export type DashboardSessionsTable = DashboardSession;

/** Every process's counts added up, by environment, hour, metric and outcome. */
export type UsageCountersTable = UsageCount;

/** Per key id, the check value of the key first used under it (crypto/keyring.ts checkValue). */
export interface KeyChecksTable {
  kid: string;
  check_value: string;
  created_at: string;
}

/** Per table, the last row `keys reencrypt` re-sealed for the primary key `primary_kid` (JSON of its key columns). */
export interface KeyRotationProgressTable {
  table_name: string;
  primary_kid: string;
  position: string;
  updated_at: string;
}

/** Counters bumped by triggers on every change to what the listings cache (migration 0011). */
export interface ReadModelVersionsTable {
  environment_id: string;
  /** '': the environment's integrations, custom providers and overrides; else an owner key: its connections. */
  scope_key: string;
  version: number;
}

/** Which process runs a background job (the health scheduler), until when (migration 0013). */
export interface SchedulerLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Database {
  environments: EnvironmentsTable;
  api_keys: ApiKeysTable;
  custom_providers: CustomProvidersTable;
  data_integrations: DataIntegrationsTable;
  org_configurations: OrgConfigurationsTable;
  connected_accounts: ConnectedAccountsTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
  flows: FlowsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  operators: OperatorsTable;
  dashboard_sessions: DashboardSessionsTable;
  usage_counters: UsageCountersTable;
  key_checks: KeyChecksTable;
  key_rotation_progress: KeyRotationProgressTable;
  read_model_versions: ReadModelVersionsTable;
  scheduler_leases: SchedulerLeasesTable;
}
