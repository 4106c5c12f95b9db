import type { ConfigField } from '../../catalog/provider-definition.ts';
import type { ListedAccount } from '../../domain/connected-account.ts';

/** `ConnectedAccount` (§3.2): redacted hints only, secret and undeclared config removed. */
export function presentConnectedAccount(row: ListedAccount, configFields: readonly ConfigField[]) {
  return {
    object: 'connected_account' as const,
    id: row.id,
    connection_role: row.connection_role,
    account_identifier: row.account_identifier,
    account_display_name: row.account_display_name,
    user_id: row.user_id,
    organization_id: row.organization_id,
    scopes: row.scopes,
    auth_method: row.auth_method,
    api_key_last_4: row.api_key_last4,
    client_id: row.client_id,
    client_secret_last_4: row.client_secret_last4,
    config: row.config.visible(configFields),
    state: row.state,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export const presentEmbeddedAccount = (row: ListedAccount, configFields: readonly ConfigField[]) => ({
  ...presentConnectedAccount(row, configFields),
  userland_user_id: row.user_id,
});
