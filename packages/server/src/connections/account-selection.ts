import { accountSelectionRequired, notFound } from '../core/errors.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import type { Store } from '../store/store.ts';
import type { Owner } from '../domain/owner.ts';

export interface Selector {
  connectedAccountId?: string | undefined;
  /** The caller speaks the plural contract (`supports_multiple_connections=true`). */
  plural?: boolean | undefined;
}

/**
 * Picks the connection a request means (§1.5): an exact id; else, for plural-aware callers, the
 * owner's only connection (409 when there are several); else the compatibility connection.
 * Null when there is none, so vending can answer `not_installed` while CRUD answers 404.
 */
async function selectAccount(
  store: Pick<Store, 'accounts'>,
  integration: Integration,
  owner: Owner,
  selector: Selector,
): Promise<ConnectedAccount | null> {
  if (selector.connectedAccountId !== undefined) {
    const row = await store.accounts.byId(integration.id, selector.connectedAccountId);
    return row && row.owner_key === owner.key ? row : null;
  }
  if (selector.plural) {
    const rows = await store.accounts.forOwner(integration.id, owner.key);
    if (rows.length > 1) {
      throw accountSelectionRequired();
    }
    return rows[0] ?? null;
  }
  return store.accounts.compatibility(integration.id, owner.key);
}

export async function requireAccount(
  store: Pick<Store, 'accounts'>,
  integration: Integration,
  owner: Owner,
  selector: Selector,
): Promise<ConnectedAccount> {
  const row = await selectAccount(store, integration, owner, selector);
  if (!row) throw notFound(`No connected account for "${integration.slug}" and this owner.`, selector.connectedAccountId);
  return row;
}

/**
 * The role a new connection takes. Without an explicit `add` it is the owner's compatibility
 * connection, full stop: if another request created that meanwhile, the unique index refuses
 * this insert and the caller's retry updates the winner's row (a read here could be stale under
 * READ COMMITTED and wrongly create a standard one). With `add`, it is standard once a
 * compatibility connection exists.
 */
export async function roleForNewConnection(
  store: Pick<Store, 'accounts'>,
  integrationId: string,
  owner: Owner,
  adding: boolean,
): Promise<ConnectedAccount['connection_role']> {
  if (!adding) return 'compatibility';
  return (await store.accounts.compatibility(integrationId, owner.key)) ? 'standard' : 'compatibility';
}
