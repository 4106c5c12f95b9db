import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import type { AccountActivity, AccountChanges, AccountFilter, ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration, Ownership } from '../domain/integration.ts';
import type { Owner } from '../domain/owner.ts';
import { integrationNotFound, invalidRequest, validationFailed } from '../core/errors.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import type { AccountSearchPage, ProviderStateCount } from '../store/accounts-repo.ts';
import type { Store } from '../store/store.ts';
import { requireAccount, type Selector } from './account-selection.ts';
import { type SaveTarget, saveConnection } from './save-connection.ts';
import { checkTokenSet, normaliseTimestamp, type AccountState, type TokenSet } from './token-rules.ts';

export interface TokenFields {
  access_token?: string;
  refresh_token?: string;
  expires_at?: string;
  scopes?: string[];
  state?: AccountState;
}

export interface AccountResult {
  account: ConnectedAccount;
  integration: Integration;
  created: boolean;
}

export interface ConnectedAccountServiceDeps {
  store: Pick<Store, 'transaction' | 'integrations' | 'accounts'>;
  clock: Clock;
  events: EventRecorder;
  /** Revokes a grant at the provider before a delete; failures are recorded, not thrown. */
  revoke?: (account: ConnectedAccount, integration: Integration) => Promise<void>;
}

/** Connected accounts that exist without a provider call: get, import, update, delete (R19–R27). */
export class ConnectedAccountService {
  constructor(private readonly deps: ConnectedAccountServiceDeps) {}

  async get(environmentId: string, slug: string, ownership: Ownership, owner: Owner, selector: Selector): Promise<AccountResult> {
    const integration = await this.integration(this.deps.store, environmentId, slug, ownership);
    return { account: await requireAccount(this.deps.store, integration, owner, selector), integration, created: false };
  }

  /**
   * R20/R25. Without an intent the owner's compatibility connection is created or has its tokens
   * replaced (§10.10); with `add`, a new connection is created (standard when one exists).
   */
  async importTokens(
    environmentId: string,
    slug: string,
    ownership: Ownership,
    owner: Owner,
    body: TokenFields,
    intent: 'add' | undefined,
  ): Promise<AccountResult> {
    const tokens = this.tokenSet(body, null);
    const state = checkTokenSet(tokens, body.state);
    const adding = intent === 'add';
    const { account, target } = await this.save(
      environmentId,
      slug,
      ownership,
      async (tx, integration) => ({
        integration,
        owner,
        existing: adding ? null : await tx.accounts.compatibility(integration.id, owner.key),
        adding,
      }),
      () => this.changes(tokens, body.scopes, state),
    );
    return { account, integration: target.integration, created: target.existing === null };
  }

  /** R21/R26: changes tokens, scopes or state of the selected connection. */
  async updateTokens(
    environmentId: string,
    slug: string,
    ownership: Ownership,
    owner: Owner,
    selector: Selector,
    body: TokenFields,
  ): Promise<AccountResult> {
    const touchesTokens = body.access_token !== undefined || body.refresh_token !== undefined || body.expires_at !== undefined;
    const { account, target } = await this.save(
      environmentId,
      slug,
      ownership,
      async (tx, integration) => ({ integration, owner, existing: await requireAccount(tx, integration, owner, selector), adding: false }),
      ({ existing }) => {
        const current = existing!;
        const tokens = this.tokenSet(body, currentTokens(current));
        const state = touchesTokens || body.state !== undefined ? checkTokenSet(tokens, body.state) : current.state;
        return touchesTokens
          ? this.changes(tokens, body.scopes, state)
          : { ...scopesChange(body.scopes), state, updated_at: iso(this.deps.clock.now()) };
      },
    );
    return { account, integration: target.integration, created: false };
  }

  /**
   * R22/R27: revoke at the provider where possible (§10.9), then remove the account and record
   * `disconnected` with its last snapshot.
   */
  async delete(environmentId: string, slug: string, ownership: Ownership, owner: Owner, selector: Selector): Promise<void> {
    const { store } = this.deps;
    const integration = await this.integration(store, environmentId, slug, ownership);
    const target = await requireAccount(store, integration, owner, selector);
    if (this.deps.revoke) await this.deps.revoke(target, integration);
    await store.transaction(async (tx) => {
      const current = await tx.accounts.byId(integration.id, target.id);
      if (!current) return;
      await tx.accounts.delete(current.id);
      const now = iso(this.deps.clock.now());
      await this.deps.events.account(
        tx,
        'pipes.connected_account.disconnected',
        { ...current, state: 'disconnected', updated_at: now },
        integration,
      );
    });
  }

  /** Writes tokens into a connection of an OAuth integration (imports are for OAuth only). */
  private save(
    environmentId: string,
    slug: string,
    ownership: Ownership,
    locate: (tx: Store, integration: Integration) => Promise<SaveTarget>,
    changes: (target: SaveTarget) => AccountChanges,
  ): Promise<{ account: ConnectedAccount; target: SaveTarget }> {
    const inTx = async (tx: Store) => {
      const integration = await this.integration(tx, environmentId, slug, ownership);
      this.requireOauth(integration);
      return locate(tx, integration);
    };
    return saveConnection(this.deps.store, this.deps.events, inTx, changes);
  }

  /** These connections' activity and health, by id (what the cached listings leave out). */
  activityOf(ids: readonly string[]): Promise<Map<string, AccountActivity>> {
    return this.deps.store.accounts.activityOf(ids);
  }

  /** An integration's most recent connections, newest first (the dashboard's integration page). */
  latest(integration: Pick<Integration, 'id'>, limit: number): Promise<ConnectedAccount[]> {
    return this.deps.store.accounts.latest(integration.id, limit);
  }

  /** One environment's connections matching `filter`, newest first, `limit` a page (the dashboard's search). */
  search(environmentId: string, filter: AccountFilter, before: string | null, limit: number): Promise<AccountSearchPage> {
    return this.deps.store.accounts.search(environmentId, filter, before, limit);
  }

  /** Connections by provider and state, across every environment (the dashboard's overview). */
  countByProviderAndState(): Promise<ProviderStateCount[]> {
    return this.deps.store.accounts.countByProviderAndState();
  }

  private async integration(
    store: Pick<Store, 'integrations'>,
    environmentId: string,
    slug: string,
    ownership: Ownership,
  ): Promise<Integration> {
    const row = await store.integrations.bySlug(environmentId, slug, ownership);
    if (!row) throw integrationNotFound(slug, ownership);
    return row;
  }

  private requireOauth(integration: Integration): void {
    if (integration.auth_method !== 'oauth') {
      throw validationFailed(
        `Tokens can only be imported into OAuth integrations; "${integration.slug}" uses ${integration.auth_method}.`,
        [{ field: 'auth_method', code: 'unsupported_auth_method' }],
      );
    }
  }

  private changes(t: TokenSet, scopes: string[] | undefined, state: ConnectedAccount['state']): AccountChanges {
    return {
      access_token: t.accessToken,
      refresh_token: t.refreshToken,
      expires_at: t.expiresAt,
      ...scopesChange(scopes),
      state,
      updated_at: iso(this.deps.clock.now()),
    };
  }

  /** The token set a request describes; on update, omitted parts keep their current values. */
  private tokenSet(body: TokenFields, current: TokenSet | null): TokenSet {
    let expiresAt: string | null = null;
    if (body.expires_at !== undefined) {
      expiresAt = normaliseTimestamp(body.expires_at);
      if (expiresAt === null)
        throw invalidRequest('expires_at must be an ISO-8601 timestamp.', [{ field: 'expires_at', code: 'invalid_format' }]);
    }
    if (!current) return { accessToken: body.access_token ?? null, refreshToken: body.refresh_token ?? null, expiresAt };
    return {
      accessToken: body.access_token ?? current.accessToken,
      refreshToken: body.refresh_token ?? current.refreshToken,
      // A new access token brings its own expiry (or none); otherwise the old one stands.
      expiresAt: body.expires_at !== undefined ? expiresAt : body.access_token !== undefined ? null : current.expiresAt,
    };
  }
}

const scopesChange = (scopes: string[] | undefined): Pick<AccountChanges, 'scopes'> => (scopes !== undefined ? { scopes } : {});

const currentTokens = (account: ConnectedAccount): TokenSet => ({
  accessToken: account.access_token?.open() ?? null,
  refreshToken: account.refresh_token?.open() ?? null,
  expiresAt: account.expires_at,
});
