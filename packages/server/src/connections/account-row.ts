import { ID_PREFIX, newId } from '../ids.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { IntegrationRow } from '../store/integrations-repo.ts';
import type { Owner } from './owner.ts';

/** A fresh connection row with every secret column empty; callers fill what they have. */
export const blankAccountRow = (integration: IntegrationRow, owner: Owner, role: AccountRow['connection_role'], now: string): AccountRow => ({
  id: newId(ID_PREFIX.installation),
  environment_id: integration.environment_id,
  integration_id: integration.id,
  owner_type: owner.type,
  user_id: owner.userId,
  organization_id: owner.organizationId,
  owner_key: owner.key,
  connection_role: role,
  auth_method: integration.auth_method,
  state: 'needs_reauthorization',
  scopes: '[]',
  account_identifier: null,
  account_display_name: null,
  access_token: null,
  refresh_token: null,
  expires_at: null,
  api_key: null,
  api_key_last4: null,
  client_id: null,
  client_secret: null,
  client_secret_last4: null,
  config: '{}',
  metadata: null,
  refresh_lock_until: null,
  created_at: now,
  updated_at: now,
});

/** Secret columns emptied: what remains of an account after a disconnect (§10.9). */
export const ERASED_SECRETS = {
  access_token: null,
  refresh_token: null,
  api_key: null,
  client_secret: null,
} as const satisfies Partial<AccountRow>;
