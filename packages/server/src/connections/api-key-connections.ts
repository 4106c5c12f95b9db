import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import { organizationOwner, userOwner, type Owner } from '../domain/owner.ts';
import { lastFour } from '../domain/secret.ts';
import { validationFailed } from '../core/errors.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import type { ApiKeyInstall } from '../integrations/integration-service.ts';
import type { Store } from '../store/store.ts';
import { saveConnection } from './save-connection.ts';
import { findSaveTarget } from './save-target.ts';

export interface ApiKeyConnectionInput {
  user_id: string;
  organization_id?: string | null;
  connection_owner?: 'user' | 'organization';
  secret: string;
  connection_intent?: 'add' | 'reauthorize';
  connected_account_id?: string;
}

export interface ApiKeyConnectionsDeps {
  store: Pick<Store, 'transaction'>;
  clock: Clock;
  events: EventRecorder;
}

/** API-key connections: the integration's first tenant (R5/R7 `api_key`), R15 and R16. */
export class ApiKeyConnections {
  constructor(private readonly deps: ApiKeyConnectionsDeps) {}

  /** R5/R7's `api_key` block: upsert the compatibility connection of the named tenant. */
  readonly installFirst = async (tx: Store, integration: Integration, input: ApiKeyInstall): Promise<ConnectedAccount> => {
    let owner: Owner;
    if (integration.ownership === 'organization') {
      if (!input.organization_id) {
        throw validationFailed('api_key.organization_id is required for an organization-owned integration.', [
          { field: 'api_key.organization_id', code: 'required' },
        ]);
      }
      owner = organizationOwner(input.organization_id);
    } else owner = userOwner(input.user_id, input.organization_id ?? null);
    const existing = await tx.accounts.compatibility(integration.id, owner.key);
    return this.write(tx, async () => ({ integration, owner, existing, adding: false }), input.secret);
  };

  /** R15 (`add`) and R16 (upsert, or rotate an exact connection). */
  async save(
    environmentId: string,
    slug: string,
    input: ApiKeyConnectionInput,
    mode: 'add' | 'upsert',
  ): Promise<{ account: ConnectedAccount; created: boolean }> {
    let created = false;
    const account = await this.write(
      this.deps.store,
      async (tx) => {
        const target = await findSaveTarget(tx, environmentId, slug, input, mode, 'api_key');
        created = target.existing === null;
        return target;
      },
      input.secret,
    );
    return { account, created };
  }

  private async write(
    store: Pick<Store, 'transaction'>,
    locate: Parameters<typeof saveConnection>[2],
    secret: string,
  ): Promise<ConnectedAccount> {
    const { account } = await saveConnection(store, this.deps.events, locate, () => ({
      api_key: secret,
      api_key_last4: lastFour(secret),
      state: 'connected',
      updated_at: iso(this.deps.clock.now()),
    }));
    return account;
  }
}
