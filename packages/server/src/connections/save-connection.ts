import type { AccountChanges, ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import type { Owner } from '../domain/owner.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { Store } from '../store/store.ts';
import { retryOnUniqueViolation } from '../store/unique-violation.ts';
import { roleForNewConnection } from './account-selection.ts';

/** Where a connection write lands: the connection it replaces, or the owner of a new one. */
export interface SaveTarget {
  integration: Integration;
  owner: Owner;
  /** The connection to overwrite; null creates one. */
  existing: ConnectedAccount | null;
  /** An explicit `add`: the new connection is standard when the owner already has one. */
  adding: boolean;
}

/**
 * The one way a connection is written: create or update it (the store seals its secrets) and
 * record the state transition's event, in one transaction. `locate` runs inside that transaction
 * and picks the target; racing first connections of one owner are retried so that all succeed
 * with one compatibility connection (the unique index lets exactly one insert win).
 */
export function saveConnection(
  store: Pick<Store, 'transaction'>,
  events: EventRecorder,
  locate: (tx: Store) => Promise<SaveTarget>,
  changes: (target: SaveTarget) => AccountChanges,
  after?: (tx: Store, account: ConnectedAccount) => Promise<void>,
): Promise<{ account: ConnectedAccount; target: SaveTarget }> {
  return retryOnUniqueViolation(() =>
    store.transaction(async (tx) => {
      const target = await locate(tx);
      const { integration, owner, existing } = target;
      const values = changes(target);
      const account = existing
        ? await tx.accounts.update(existing, values)
        : await tx.accounts.insert(
            {
              id: newId(ID_PREFIX.installation),
              environment_id: integration.environment_id,
              integration_id: integration.id,
              owner,
              connection_role: await roleForNewConnection(tx, integration.id, owner, target.adding),
              auth_method: integration.auth_method,
              created_at: values.updated_at,
            },
            values,
          );
      await events.transition(tx, existing?.state ?? null, account, integration);
      if (after) await after(tx, account);
      return { account, target };
    }),
  );
}
