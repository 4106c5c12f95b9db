import type { Owner, OwnerType } from './owner.ts';
import type { Secret } from './secret.ts';
import type { ConfigWrite, StoredConfig } from './stored-config.ts';

export type AuthMethod = 'oauth' | 'api_key' | 'client_credentials';
export type AccountState = 'connected' | 'needs_reauthorization' | 'disconnected';
export type ConnectionRole = 'compatibility' | 'standard';

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
  created_at: string;
  updated_at: string;
}

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
