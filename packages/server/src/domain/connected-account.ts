import type { Owner, OwnerType } from './owner.ts';
import type { Secret } from './secret.ts';
import type { ConfigWrite, StoredConfig } from './stored-config.ts';

export type AuthMethod = 'oauth' | 'api_key' | 'client_credentials';
export type AccountState = 'connected' | 'needs_reauthorization' | 'disconnected';
export type ConnectionRole = 'compatibility' | 'standard';
/**
 * What the health scheduler's last look at a connection found: its refresh worked (`ok`), the
 * provider failed for now (`temporary_failure`: the connection is left as it was), or the grant is
 * gone (`needs_reauthorization`).
 */
export type HealthCheckResult = 'ok' | 'temporary_failure' | 'needs_reauthorization';

/** A connected account as the services see it: parsed values, secrets still sealed. */
export interface ConnectedAccount {
  id: string;
  environment_id: string;
  integration_id: string;
  owner_type: OwnerType;
  user_id: string | null;
  organization_id: string | null;
  owner_key: string;
  connection_role: ConnectionRole;
  auth_method: AuthMethod;
  state: AccountState;
  scopes: string[];
  account_identifier: string | null;
  account_display_name: string | null;
  access_token: Secret | null;
  refresh_token: Secret | null;
  expires_at: string | null;
  api_key: Secret | null;
  api_key_last4: string | null;
  client_id: string | null;
  client_secret: Secret | null;
  client_secret_last4: string | null;
  config: StoredConfig;
  metadata: Record<string, unknown> | null;
  /**
   * Until this time (ISO) a refresh whose outcome is unknown may still land at the provider, so no
   * other refresh of this connection is sent (docs/reliability.md, "A provider that never
   * answers"); null when none is in doubt. Written by the refresh coordinator only; any write of
   * new tokens clears it (the store does, AccountsRepo).
   */
  refresh_in_doubt_until: string | null;
  /** When its tokens were last renewed (refresh or client-credentials re-mint); null: never since connecting. */
  last_refreshed_at: string | null;
  /** When it was last vended or proxied, to within the batch interval (connections/last-used.ts); null: never. */
  last_used_at: string | null;
  /** The health scheduler's last look at it; null: never looked at. */
  last_health_check_at: string | null;
  last_health_check_result: HealthCheckResult | null;
  created_at: string;
  updated_at: string;
}

/**
 * A connection's activity and health (issue 12): shown where its row is read, and by the widgets
 * through one read of their own; never in the cached provider listings (writes of these columns
 * do not invalidate them).
 */
export type AccountActivity = Pick<
  ConnectedAccount,
  'last_refreshed_at' | 'last_used_at' | 'last_health_check_at' | 'last_health_check_result'
>;

/** A connection as the provider listings show it: no secret of it is read. */
export type ListedAccount = Pick<
  ConnectedAccount,
  | 'id'
  | 'integration_id'
  | 'user_id'
  | 'organization_id'
  | 'connection_role'
  | 'auth_method'
  | 'state'
  | 'scopes'
  | 'account_identifier'
  | 'account_display_name'
  | 'api_key_last4'
  | 'client_id'
  | 'client_secret_last4'
  | 'config'
  | 'created_at'
  | 'updated_at'
>;

/** What a write changes on a connection; secrets in plaintext (the store seals them). */
export interface AccountChanges {
  state?: AccountState;
  scopes?: readonly string[];
  access_token?: string | null;
  refresh_token?: string | null;
  expires_at?: string | null;
  api_key?: string | null;
  api_key_last4?: string | null;
  client_id?: string | null;
  client_secret?: string | null;
  client_secret_last4?: string | null;
  config?: ConfigWrite;
  metadata?: Record<string, unknown> | null;
  last_refreshed_at?: string | null;
  updated_at: string;
}

/** The identity of a connection about to be created. */
export interface NewAccount {
  id: string;
  environment_id: string;
  integration_id: string;
  owner: Owner;
  connection_role: ConnectionRole;
  auth_method: AuthMethod;
  created_at: string;
}

/** What the dashboard's connection search matches on; an absent field matches everything. */
export interface AccountFilter {
  userId?: string;
  organizationId?: string;
  slug?: string;
  state?: AccountState;
}
