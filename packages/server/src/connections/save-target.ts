import { notFound, validationFailed } from '../errors.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { IntegrationRow } from '../store/integrations-repo.ts';
import type { Store } from '../store/store.ts';
import { requireAccount } from './account-selection.ts';
import { ownerFromRequest, type Owner } from './owner.ts';

export interface SaveTargetInput {
  user_id: string;
  organization_id?: string | null;
  connection_owner?: 'user' | 'organization';
  connected_account_id?: string;
}

/**
 * Where an API-key or client-credentials write lands (R15–R18): the owner's integration of the
 * right auth method and, for upserts, the connection to overwrite (the exact one named, else
 * the compatibility one); `add` always creates.
 */
export async function findSaveTarget(
  tx: Store,
  environmentId: string,
  slug: string,
  input: SaveTargetInput,
  mode: 'add' | 'upsert',
  authMethod: IntegrationRow['auth_method'],
): Promise<{ integration: IntegrationRow; owner: Owner; existing: AccountRow | null }> {
  const owner = ownerFromRequest(input.connection_owner, input.user_id, input.organization_id);
  const integration = await tx.integrations.bySlug(environmentId, slug, owner.type);
  if (!integration) throw notFound(`No ${owner.type}-owned data integration for "${slug}".`, slug);
  if (integration.auth_method !== authMethod) {
    throw validationFailed(`"${slug}" uses ${integration.auth_method}, not ${authMethod}.`, [{ field: 'auth_method', code: 'unsupported_auth_method' }]);
  }
  let existing: AccountRow | null = null;
  if (mode === 'upsert') {
    existing = input.connected_account_id
      ? await requireAccount(tx, integration, owner, { connectedAccountId: input.connected_account_id })
      : await tx.accounts.compatibility(integration.id, owner.key);
  }
  return { integration, owner, existing };
}
