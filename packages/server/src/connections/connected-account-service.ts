import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import { invalidRequest, notFound, validationFailed } from '../errors.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { IntegrationRow, Ownership } from '../store/integrations-repo.ts';
import type { Store } from '../store/store.ts';
import { blankAccountRow } from './account-row.ts';
import { retryOnUniqueViolation } from '../store/unique-violation.ts';
import { requireAccount, roleForNewConnection, type Selector } from './account-selection.ts';
import type { Owner } from './owner.ts';
import { checkTokenSet, normaliseTimestamp, type AccountState, type TokenSet } from './token-rules.ts';

export interface TokenFields {
  access_token?: string;
  refresh_token?: string;
  expires_at?: string;
  scopes?: string[];
  state?: AccountState;
}

export interface AccountResult {
  account: AccountRow;
  integration: IntegrationRow;
  created: boolean;
}

export interface ConnectedAccountServiceDeps {
  store: Store;
  keyring: Keyring;
  clock: Clock;
  events: EventRecorder;
  /** Revokes a grant at the provider before a delete; failures are recorded, not thrown. */
  revoke?: (account: AccountRow, integration: IntegrationRow) => Promise<void>;
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
  async importTokens(environmentId: string, slug: string, ownership: Ownership, owner: Owner, body: TokenFields, intent: 'add' | undefined): Promise<AccountResult> {
    const tokens = this.tokenSet(body, null);
    const state = checkTokenSet(tokens, body.state);
    return retryOnUniqueViolation(() => this.deps.store.transaction(async (tx) => {
      const integration = await this.integration(tx, environmentId, slug, ownership);
      this.requireOauth(integration);
      const now = iso(this.deps.clock.now());
      const existing = intent === 'add' ? null : await tx.accounts.compatibility(integration.id, owner.key);
      const role = existing ? existing.connection_role : await roleForNewConnection(tx, integration.id, owner, intent === 'add');
      const base = existing ?? blankAccountRow(integration, owner, role, now);
      const account: AccountRow = {
        ...base,
        ...this.sealTokens(base, tokens),
        scopes: body.scopes !== undefined ? JSON.stringify(body.scopes) : existing ? existing.scopes : '[]',
        state,
        updated_at: now,
      };
      if (existing) await tx.accounts.update(account.id, account);
      else await tx.accounts.insert(account);
      await this.deps.events.transition(tx, existing?.state ?? null, account, integration);
      return { account, integration, created: !existing };
    }));
  }

  /** R21/R26: changes tokens, scopes or state of the selected connection. */
  async updateTokens(environmentId: string, slug: string, ownership: Ownership, owner: Owner, selector: Selector, body: TokenFields): Promise<AccountResult> {
    return this.deps.store.transaction(async (tx) => {
      const integration = await this.integration(tx, environmentId, slug, ownership);
      this.requireOauth(integration);
      const current = await requireAccount(tx, integration, owner, selector);
      const touchesTokens = body.access_token !== undefined || body.refresh_token !== undefined || body.expires_at !== undefined;
      const tokens = touchesTokens ? this.tokenSet(body, this.openTokens(current)) : this.openTokens(current);
      const state = touchesTokens || body.state !== undefined ? checkTokenSet(tokens, body.state) : current.state;
      const now = iso(this.deps.clock.now());
      const account: AccountRow = {
        ...current,
        ...(touchesTokens ? this.sealTokens(current, tokens) : {}),
        scopes: body.scopes !== undefined ? JSON.stringify(body.scopes) : current.scopes,
        state,
        updated_at: now,
      };
      await tx.accounts.update(account.id, account);
      await this.deps.events.transition(tx, current.state, account, integration);
      return { account, integration, created: false };
    });
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
      await this.deps.events.account(tx, 'pipes.connected_account.disconnected', { ...current, state: 'disconnected', updated_at: now }, integration);
    });
  }

  private async integration(store: Store, environmentId: string, slug: string, ownership: Ownership): Promise<IntegrationRow> {
    const row = await store.integrations.bySlug(environmentId, slug, ownership);
    if (!row) throw notFound(`No ${ownership}-owned data integration for "${slug}".`, slug);
    return row;
  }

  private requireOauth(integration: IntegrationRow): void {
    if (integration.auth_method !== 'oauth') {
      throw validationFailed(`Tokens can only be imported into OAuth integrations; "${integration.slug}" uses ${integration.auth_method}.`, [
        { field: 'auth_method', code: 'unsupported_auth_method' },
      ]);
    }
  }

  /** The token set a request describes; on update, omitted parts keep their current values. */
  private tokenSet(body: TokenFields, current: TokenSet | null): TokenSet {
    let expiresAt: string | null = null;
    if (body.expires_at !== undefined) {
      expiresAt = normaliseTimestamp(body.expires_at);
      if (expiresAt === null) throw invalidRequest('expires_at must be an ISO-8601 timestamp.', [{ field: 'expires_at', code: 'invalid_format' }]);
    }
    if (!current) return { accessToken: body.access_token ?? null, refreshToken: body.refresh_token ?? null, expiresAt };
    return {
      accessToken: body.access_token ?? current.accessToken,
      refreshToken: body.refresh_token ?? current.refreshToken,
      // A new access token brings its own expiry (or none); otherwise the old one stands.
      expiresAt: body.expires_at !== undefined ? expiresAt : body.access_token !== undefined ? null : current.expiresAt,
    };
  }

  private sealTokens(row: AccountRow, t: TokenSet): Pick<AccountRow, 'access_token' | 'refresh_token' | 'expires_at'> {
    const { keyring } = this.deps;
    const ctx = (column: string) => secretContext(row.environment_id, 'connected_accounts', column, row.id);
    return {
      access_token: t.accessToken === null ? null : keyring.seal(t.accessToken, ctx('access_token')),
      refresh_token: t.refreshToken === null ? null : keyring.seal(t.refreshToken, ctx('refresh_token')),
      expires_at: t.expiresAt,
    };
  }

  private openTokens(row: AccountRow): TokenSet {
    const { keyring } = this.deps;
    const ctx = (column: string) => secretContext(row.environment_id, 'connected_accounts', column, row.id);
    return {
      accessToken: row.access_token === null ? null : keyring.open(row.access_token, ctx('access_token')),
      refreshToken: row.refresh_token === null ? null : keyring.open(row.refresh_token, ctx('refresh_token')),
      expiresAt: row.expires_at,
    };
  }
}
