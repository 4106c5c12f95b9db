import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import type { Store } from '../store/store.ts';

export const PIPES_EVENTS = [
  'pipes.connected_account.connected',
  'pipes.connected_account.disconnected',
  'pipes.connected_account.reauthorization_needed',
  'pipes.connected_account.connection_failed',
] as const;
export type PipesEventName = (typeof PIPES_EVENTS)[number];

export interface ConnectionFailure {
  user_id: string | null;
  organization_id: string | null;
  error_code: 'provider_error' | 'token_exchange_failed' | 'authorization_expired' | 'invalid_callback';
  error_reason: string | null;
  provider_error: string | null;
  provider_error_description: string | null;
}

/** `PipesConnectedAccount` (§7.1). */
const accountEventData = (account: ConnectedAccount, integration: Pick<Integration, 'id' | 'slug'>): Record<string, unknown> => ({
  object: 'connected_account',
  id: account.id,
  data_integration_id: integration.id,
  provider_slug: integration.slug,
  user_id: account.user_id,
  organization_id: account.organization_id,
  scopes: account.scopes,
  state: account.state,
  created_at: account.created_at,
  updated_at: account.updated_at,
});

/**
 * Writes events as rows of the same transaction as the change they describe (an outbox), so the
 * events API and any delivery see exactly the committed changes.
 */
export class EventRecorder {
  constructor(private readonly clock: Clock) {}

  async account(
    tx: Pick<Store, 'events'>,
    name: Exclude<PipesEventName, 'pipes.connected_account.connection_failed'>,
    account: ConnectedAccount,
    integration: Integration,
  ): Promise<void> {
    await this.write(tx, integration.environment_id, name, account.organization_id, accountEventData(account, integration));
  }

  /** The event for an account whose state moved from `before` (null: new) to its current one. */
  async transition(
    tx: Pick<Store, 'events'>,
    before: ConnectedAccount['state'] | null,
    account: ConnectedAccount,
    integration: Integration,
  ): Promise<void> {
    if (before === account.state) return;
    if (account.state === 'connected') await this.account(tx, 'pipes.connected_account.connected', account, integration);
    else if (account.state === 'needs_reauthorization')
      await this.account(tx, 'pipes.connected_account.reauthorization_needed', account, integration);
    else await this.account(tx, 'pipes.connected_account.disconnected', account, integration);
  }

  async connectionFailed(tx: Pick<Store, 'events'>, integration: Integration, failure: ConnectionFailure): Promise<void> {
    const now = iso(this.clock.now());
    await this.write(tx, integration.environment_id, 'pipes.connected_account.connection_failed', failure.organization_id, {
      object: 'connection_failed',
      data_integration_id: integration.id,
      provider_slug: integration.slug,
      ...failure,
      created_at: now,
    });
  }

  private async write(
    tx: Pick<Store, 'events'>,
    environmentId: string,
    event: PipesEventName,
    organizationId: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await tx.events.insert({
      id: newId(ID_PREFIX.event),
      environment_id: environmentId,
      event,
      organization_id: organizationId,
      data,
      created_at: iso(this.clock.now()),
    });
  }
}
