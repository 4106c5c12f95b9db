import type { Keyring } from '../crypto/keyring.ts';
import type { OrgConfigurationRow } from '../store/integrations-repo.ts';
import type { ResolvedIntegration } from './provider-resolver.ts';
import { openConfig } from './sealed-config.ts';

/** A row whose `config` column holds installation-scope values (a connection or a flow). */
export interface ConfigHolder {
  table: 'connected_accounts' | 'flows';
  environmentId: string;
  rowId: string;
  stored: string | null;
}

/**
 * The config values that fill a provider's URL templates, most specific last: the integration's
 * pinned values, the organization's (organization-credential providers only), then the
 * connection's or flow's own. Every provider call builds its URLs from this one function, so the
 * authorize URL, the code exchange, refreshes and revocation always agree.
 */
export function configInForce(
  keyring: Keyring,
  integration: ResolvedIntegration,
  override: Pick<OrgConfigurationRow, 'config' | 'environment_id' | 'id'> | null,
  holder: ConfigHolder | null,
): Record<string, string> {
  const fields = integration.provider.configFields;
  const { row } = integration;
  const values = openConfig(keyring, fields, row.config, { environmentId: row.environment_id, table: 'data_integrations', rowId: row.id });
  if (row.credentials_type === 'organization' && override?.config) {
    Object.assign(values, openConfig(keyring, fields, override.config, { environmentId: override.environment_id, table: 'org_configurations', rowId: override.id }));
  }
  if (holder) Object.assign(values, openConfig(keyring, fields, holder.stored, { environmentId: holder.environmentId, table: holder.table, rowId: holder.rowId }));
  return values;
}
