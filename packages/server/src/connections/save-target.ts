import { integrationNotFound, validationFailed } from '../core/errors.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import type { Store } from '../store/store.ts';
import { requireAccount } from './account-selection.ts';
import { ownerFromRequest } from '../domain/owner.ts';
import type { SaveTarget } from './save-connection.ts';

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
  tx: Pick<Store, 'integrations' | 'accounts'>,
  environmentId: string,
  slug: string,
  input: SaveTargetInput,
  mode: 'add' | 'upsert',
  authMethod: Integration['auth_method'],
): Promise<SaveTarget> {
  const owner = ownerFromRequest(input.connection_owner, input.user_id, input.organization_id);
  const integration = await tx.integrations.bySlug(environmentId, slug, owner.type);
  if (!integration) throw integrationNotFound(slug, owner.type);
  if (integration.auth_method !== authMethod) {
    throw validationFailed(`"${slug}" uses ${integration.auth_method}, not ${authMethod}.`, [
      { field: 'auth_method', code: 'unsupported_auth_method' },
    ]);
  }
  let existing: ConnectedAccount | null = null;
  if (mode === 'upsert') {
    existing = input.connected_account_id
      ? await requireAccount(tx, integration, owner, { connectedAccountId: input.connected_account_id })
      : await tx.accounts.compatibility(integration.id, owner.key);
  }
  return { integration, owner, existing, adding: mode === 'add' };
}
