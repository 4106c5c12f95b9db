import type { ConfigField } from '../../catalog/provider-definition.ts';
import type { AccountActivity, ListedAccount } from '../../domain/connected-account.ts';

/** The fields a connection shows wherever it appears, provider listings included: redacted hints only, secret and undeclared config removed. */
function presentListedAccount(row: ListedAccount, configFields: readonly ConfigField[]) {
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

/**
 * `ConnectedAccount` (§3.2), with its activity and health (issue 12). The provider listings leave
 * these out: they are cached against versions that recording use and health checks deliberately
 * do not bump, so they would be stale there.
 */
export const presentConnectedAccount = (row: ListedAccount & AccountActivity, configFields: readonly ConfigField[]) => ({
  ...presentListedAccount(row, configFields),
  ...presentActivity(row),
});

/** The activity and health fields, as the API and the widgets name them. */
export const presentActivity = (a: AccountActivity) => ({
  last_refreshed_at: a.last_refreshed_at,
  last_used_at: a.last_used_at,
  last_health_check_at: a.last_health_check_at,
  last_health_check_result: a.last_health_check_result,
});

export const presentEmbeddedAccount = (row: ListedAccount, configFields: readonly ConfigField[]) => ({
  ...presentListedAccount(row, configFields),
  userland_user_id: row.user_id,
});
