/**
 * What the services report for `/metrics`, as an interface: the services only call it, and the
 * composition root passes either the Prometheus implementation (`OPENPIPES_METRICS=true`, see
 * metrics/service-metrics.ts) or `NO_TELEMETRY`, whose calls do nothing, so a service without
 * metrics pays a no-op call and nothing more.
 */
export interface Telemetry {
  /** One answered vend (`/token` or `/credentials`) by outcome. */
  vend(route: VendRoute, outcome: VendOutcome): void;
  /** One renewal the provider answered (or did not), by provider and outcome (refreshed, invalid_grant, temporary, …). */
  refresh(provider: string, outcome: string): void;
  /** One proxied call answered (by the provider or by OpenPipes), by provider and status class (`2xx`…`5xx`). */
  proxied(provider: string, source: 'provider' | 'openpipes', statusClass: string): void;
  /** One extra attempt of a proxied call: after a 401 with a renewed token, or asked for by `OpenPipes-Retries`. */
  proxyRetry(provider: string, reason: 'renewed_token' | 'retry'): void;
  /** How long one call to a provider took, by provider, kind and result. */
  providerCall(provider: string, kind: ProviderCallKind, result: ProviderCallResult, seconds: number): void;
  /** One look of the health scheduler at a connection, by what it found. */
  healthCheck(outcome: HealthCheckOutcome): void;
  /** Whether this process holds the health scheduler's lease (is the one running it). */
  healthSchedulerLease(held: boolean): void;
}

/** The scheduler's results (HealthCheckResult), and `not_due`: someone renewed it meanwhile, nothing was sent. */
export type HealthCheckOutcome = 'ok' | 'temporary_failure' | 'needs_reauthorization' | 'not_due';

export type VendRoute = 'token' | 'credentials' | 'proxy';

/** `ok`: the stored token; `refreshed`: renewed first; the inactive answers; `unavailable`: 503; `refused`: 4xx. */
export type VendOutcome = 'ok' | 'refreshed' | 'not_installed' | 'needs_reauthorization' | 'unavailable' | 'refused';

export type ProviderCallKind = 'exchange' | 'refresh' | 'client_credentials' | 'revoke';

/** `answered`: the provider sent an HTTP answer (any status); otherwise why there was none. */
export type ProviderCallResult = 'answered' | 'network' | 'connection_lost' | 'timeout' | 'forbidden_address';

export const NO_TELEMETRY: Telemetry = Object.freeze({
  vend: () => undefined,
  refresh: () => undefined,
  providerCall: () => undefined,
  proxied: () => undefined,
  proxyRetry: () => undefined,
  healthCheck: () => undefined,
  healthSchedulerLease: () => undefined,
});
