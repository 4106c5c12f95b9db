import type { ConfigField } from '../../catalog/provider-definition.ts';
import type { AccountActivity, ListedAccount } from '../../domain/connected-account.ts';
import { presentActivity } from '../presenters/connected-account.ts';

/**
 * `DataInstallation` (widgets-api.md §4.1): a connection as the member and admin rows see it.
 * Snake_case keys; redacted hints only; non-secret installation config. The client-credentials
 * hints are null for other methods. OpenPipes adds (only adds: WorkOS's widgets ignore them) the
 * connection's activity and health, null when not read.
 */
export const presentInstallation = (account: ListedAccount, fields: readonly ConfigField[], activity: AccountActivity | null) => ({
  object: 'connected_account' as const,
  id: account.id,
  user_id: account.user_id,
  organization_id: account.organization_id,
  scopes: account.scopes,
  auth_method: account.auth_method,
  api_key_last_4: account.api_key_last4,
  state: account.state,
  created_at: account.created_at,
  updated_at: account.updated_at,
  client_id: account.auth_method === 'client_credentials' ? account.client_id : null,
  client_secret_last_4: account.auth_method === 'client_credentials' ? account.client_secret_last4 : null,
  config: account.config.visible(fields),
  ...presentActivity(activity ?? NO_ACTIVITY),
});

const NO_ACTIVITY: AccountActivity = {
  last_refreshed_at: null,
  last_used_at: null,
  last_health_check_at: null,
  last_health_check_result: null,
};

/** `SharedConnection` (§4.4): what a member may know of a shared connection: no secrets, no provider metadata. */
export const presentSharedConnection = (account: ListedAccount) => ({
  object: 'connected_account' as const,
  id: account.id,
  state: account.state,
  availability: account.state === 'connected' ? ('available' as const) : ('needs_admin_attention' as const),
  created_at: account.created_at,
  updated_at: account.updated_at,
});
