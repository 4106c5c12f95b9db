import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import { validationFailed } from '../errors.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { IntegrationRow } from '../store/integrations-repo.ts';
import type { Store } from '../store/store.ts';
import { blankAccountRow } from './account-row.ts';
import { roleForNewConnection } from './account-selection.ts';
import { findSaveTarget } from './save-target.ts';
import { retryOnUniqueViolation } from '../store/unique-violation.ts';
import { organizationOwner, userOwner, type Owner } from './owner.ts';

export interface ApiKeyConnectionInput {
  user_id: string;
  organization_id?: string | null;
  connection_owner?: 'user' | 'organization';
  secret: string;
  connection_intent?: 'add' | 'reauthorize';
  connected_account_id?: string;
}

export interface ApiKeyConnectionsDeps {
  store: Store;
  keyring: Keyring;
  clock: Clock;
  events: EventRecorder;
}

/** API-key connections: the integration's first tenant (R5/R7 `api_key`), R15 and R16. */
export class ApiKeyConnections {
  constructor(private readonly deps: ApiKeyConnectionsDeps) {}

  /** R5/R7's `api_key` block: upsert the compatibility connection of the named tenant. */
  async upsertForInstall(tx: Store, integration: ResolvedIntegration, input: { secret: string; user_id: string; organization_id?: string | null }): Promise<AccountRow> {
    const { row } = integration;
    let owner: Owner;
    if (row.ownership === 'organization') {
      if (!input.organization_id) throw validationFailed('api_key.organization_id is required for an organization-owned integration.', [{ field: 'api_key.organization_id', code: 'required' }]);
      owner = organizationOwner(input.organization_id);
    } else owner = userOwner(input.user_id, input.organization_id ?? null);
    return this.write(tx, row, owner, input.secret, await tx.accounts.compatibility(row.id, owner.key), false);
  }

  /** R15 (`add`) and R16 (upsert, or rotate an exact connection). */
  async save(environmentId: string, slug: string, input: ApiKeyConnectionInput, mode: 'add' | 'upsert'): Promise<{ account: AccountRow; created: boolean }> {
    return retryOnUniqueViolation(() => this.deps.store.transaction(async (tx) => {
      const { integration, owner, existing } = await findSaveTarget(tx, environmentId, slug, input, mode, 'api_key');
      const account = await this.write(tx, integration, owner, input.secret, existing, mode === 'add');
      return { account, created: existing === null };
    }));
  }

  private async write(tx: Store, integration: IntegrationRow, owner: Owner, secret: string, existing: AccountRow | null, adding: boolean): Promise<AccountRow> {
    const now = iso(this.deps.clock.now());
    const base = existing ?? blankAccountRow(integration, owner, await roleForNewConnection(tx, integration.id, owner, adding), now);
    const account: AccountRow = {
      ...base,
      api_key: this.deps.keyring.seal(secret, secretContext(base.environment_id, 'connected_accounts', 'api_key', base.id)),
      api_key_last4: secret.slice(-4),
      state: 'connected',
      updated_at: now,
    };
    if (existing) await tx.accounts.update(account.id, account);
    else await tx.accounts.insert(account);
    await this.deps.events.transition(tx, existing?.state ?? null, account, integration);
    return account;
  }
}
