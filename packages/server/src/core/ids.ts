import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/** Sortable, WorkOS-shaped ids: `<prefix><ULID>`. Monotonic so event cursors compare by id. */
export const newId = (prefix: string): string => `${prefix}${next()}`;

export const ID_PREFIX = {
  environment: 'env_',
  apiKey: 'key_',
  integration: 'data_integration_',
  installation: 'data_installation_',
  redirectKey: 'dik_',
  customProvider: 'custom_provider_',
  orgConfiguration: 'data_integration_configuration_',
  event: 'event_',
  flow: 'flow_',
  webhookEndpoint: 'we_',
  webhookDelivery: 'whd_',
  webhookAttempt: 'wha_',
  operator: 'op_',
} as const;

/** An id of `kind`, anchored, for schemas and checks: its prefix and a ULID (Crockford base 32, upper case). */
export const idPattern = (kind: keyof typeof ID_PREFIX): string => `^${ID_PREFIX[kind]}[0-9A-Z]{26}$`;
