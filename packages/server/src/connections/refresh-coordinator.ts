import type { ProviderCatalog } from '../catalog/catalog.ts';
import { resolveTemplate } from '../catalog/catalog.ts';
import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import { configInForce } from '../integrations/config-in-force.ts';
import { loadIntegration, type ResolvedIntegration } from '../integrations/provider-resolver.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import type { TokenOutcome } from '../oauth/token-response.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { Store } from '../store/store.ts';
import { effectiveClient } from './effective-client.ts';
import { LockTimeoutError, type RefreshLock } from './refresh-lock.ts';
import { requestedScopes } from './requested-scopes.ts';

export type Renewed =
  | { kind: 'token'; accessToken: string; expiresAt: string | null; scopes: string[]; metadata: Record<string, unknown> }
  | { kind: 'needs_reauthorization' }
  | { kind: 'unavailable'; retryAfterSeconds: number };

export interface RefreshCoordinatorDeps {
  store: Store;
  keyring: Keyring;
  catalog: ProviderCatalog;
  clock: Clock;
  oauth: OAuthClient;
  events: EventRecorder;
  lock: RefreshLock;
  /** Renew this long before expiry (default 5 minutes). */
  marginMs: number;
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * The one place tokens are renewed, for both vend routes: OAuth refresh and client-credentials
 * re-minting. Exactly one renewal per expiry across every process: concurrent callers in this
 * process share one promise (single flight), processes queue on the database lock, and whoever
 * gets the lock re-reads the row and renews only if it still needs it.
 */
export class RefreshCoordinator {
  private readonly inflight = new Map<string, Promise<Renewed>>();

  constructor(private readonly deps: RefreshCoordinatorDeps) {}

  /**
   * True when the token must be renewed before use. The margin never exceeds half the token's
   * lifetime, so short-lived tokens are not renewed on every call.
   */
  needsRenewal(row: Pick<AccountRow, 'access_token' | 'expires_at' | 'updated_at'>, now = this.deps.clock.now()): boolean {
    if (row.access_token === null) return true;
    if (row.expires_at === null) return false;
    const expires = Date.parse(row.expires_at);
    const lifetime = expires - Date.parse(row.updated_at);
    const margin = Math.min(this.deps.marginMs, Math.max(0, lifetime / 2));
    return expires - now <= margin;
  }

  renew(accountId: string): Promise<Renewed> {
    let pending = this.inflight.get(accountId);
    if (!pending) {
      pending = this.renewUnderLock(accountId).finally(() => this.inflight.delete(accountId));
      this.inflight.set(accountId, pending);
    }
    return pending;
  }

  private async renewUnderLock(accountId: string): Promise<Renewed> {
    try {
      return await this.deps.lock.withLock(accountId, (store, row) => this.renewRow(store, row));
    } catch (e) {
      if (e instanceof LockTimeoutError) return { kind: 'unavailable', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS };
      throw e;
    }
  }

  private async renewRow(store: Store, row: AccountRow): Promise<Renewed> {
    const now = this.deps.clock.now();
    if (row.state !== 'connected') return { kind: 'needs_reauthorization' };
    if (!this.needsRenewal(row, now)) return this.current(row);

    const integration = await this.integration(store, row);
    if (!integration) return { kind: 'needs_reauthorization' };
    const { provider } = integration;
    const override = row.organization_id ? await store.orgConfigurations.get(row.environment_id, row.organization_id, integration.row.slug) : null;
    const config = configInForce(this.deps.keyring, integration, override, { table: 'connected_accounts', environmentId: row.environment_id, rowId: row.id, stored: row.config });

    let outcome: TokenOutcome;
    let usedRefreshToken: string | null = null;
    if (row.auth_method === 'client_credentials') {
      if (!provider.tokenUrl || !row.client_id || !row.client_secret) return this.reauthorize(store, row, integration);
      outcome = await this.deps.oauth.clientCredentials(
        provider,
        resolveTemplate(provider.tokenUrl, config),
        { clientId: row.client_id, clientSecret: this.open(row, 'client_secret', row.client_secret) },
        requestedScopes(provider, integration.row.scopes, override?.scopes ?? null),
      );
    } else {
      const endpoint = provider.refreshTokenUrl ?? provider.tokenUrl;
      const client = effectiveClient(this.deps.keyring, integration.row, override);
      if (row.refresh_token === null || !endpoint || !client) {
        // Nothing to refresh with: usable until it expires, then only the user can help.
        return this.stillValid(row, now) ? this.current(row) : this.reauthorize(store, row, integration);
      }
      usedRefreshToken = row.refresh_token;
      outcome = await this.deps.oauth.refresh(provider, resolveTemplate(endpoint, config), client, this.open(row, 'refresh_token', row.refresh_token));
    }

    if (outcome.ok) {
      const t = outcome.tokens;
      const updated: AccountRow = {
        ...row,
        access_token: this.deps.keyring.seal(t.accessToken, this.ctx(row, 'access_token')),
        // A refresh answer without a refresh token keeps the old one (RFC 6749 §6).
        refresh_token: t.refreshToken === null ? row.refresh_token : this.deps.keyring.seal(t.refreshToken, this.ctx(row, 'refresh_token')),
        expires_at: t.expiresAt,
        scopes: t.scopes === null ? row.scopes : JSON.stringify(t.scopes),
        metadata: Object.keys(t.metadata).length > 0 ? JSON.stringify(t.metadata) : row.metadata,
        updated_at: iso(this.deps.clock.now()),
      };
      await store.accounts.update(row.id, {
        access_token: updated.access_token,
        refresh_token: updated.refresh_token,
        expires_at: updated.expires_at,
        scopes: updated.scopes,
        metadata: updated.metadata,
        updated_at: updated.updated_at,
      });
      return { kind: 'token', accessToken: t.accessToken, expiresAt: t.expiresAt, scopes: JSON.parse(updated.scopes) as string[], metadata: parseMetadata(updated.metadata) };
    }

    const grantDead = outcome.kind === 'invalid_grant' || (row.auth_method === 'client_credentials' && outcome.kind === 'rejected');
    if (grantDead) {
      // Final only after re-reading storage: a refresh token another holder already rotated is
      // not a revoked grant (the NangoHQ/nango#1005 failure).
      const latest = await store.accounts.byIdOnly(row.id);
      if (latest && latest.refresh_token !== usedRefreshToken && !this.needsRenewal(latest)) return this.current(latest);
      return this.reauthorize(store, row, integration);
    }
    // Temporary trouble never changes the account: serve the current token while it lasts.
    if (this.stillValid(row, now)) return this.current(row);
    return { kind: 'unavailable', retryAfterSeconds: outcome.kind === 'temporary' && outcome.retryAfterSeconds ? outcome.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS };
  }

  private async reauthorize(store: Store, row: AccountRow, integration: ResolvedIntegration): Promise<Renewed> {
    await store.transaction(async (tx) => {
      const updated: AccountRow = { ...row, state: 'needs_reauthorization', updated_at: iso(this.deps.clock.now()) };
      await tx.accounts.update(row.id, { state: updated.state, updated_at: updated.updated_at });
      await this.deps.events.transition(tx, row.state, updated, integration.row);
    });
    return { kind: 'needs_reauthorization' };
  }

  private current(row: AccountRow): Renewed {
    return {
      kind: 'token',
      accessToken: this.open(row, 'access_token', row.access_token!),
      expiresAt: row.expires_at,
      scopes: JSON.parse(row.scopes) as string[],
      metadata: parseMetadata(row.metadata),
    };
  }

  private stillValid(row: AccountRow, now: number): boolean {
    return row.access_token !== null && (row.expires_at === null || Date.parse(row.expires_at) > now);
  }

  private async integration(store: Store, row: AccountRow): Promise<ResolvedIntegration | null> {
    const integrationRow = await store.integrations.byId(row.integration_id);
    return integrationRow ? loadIntegration(store, this.deps.catalog, integrationRow) : null;
  }

  private ctx(row: AccountRow, column: string): string {
    return secretContext(row.environment_id, 'connected_accounts', column, row.id);
  }

  private open(row: AccountRow, column: string, sealed: string): string {
    return this.deps.keyring.open(sealed, this.ctx(row, column));
  }
}

const parseMetadata = (raw: string | null): Record<string, unknown> => (raw === null ? {} : (JSON.parse(raw) as Record<string, unknown>));
