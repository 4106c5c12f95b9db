import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { faultPoint } from '../core/fault-points.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import { loadProviderContext, providerEndpoint } from '../integrations/provider-context.ts';
import { redirectUri } from '../integrations/redirect-uri.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import type { TokenOutcome } from '../oauth/token-response.ts';
import { LockTimeoutError, type RefreshLock } from '../store/refresh-lock.ts';
import type { Store } from '../store/store.ts';
import { requestedScopes } from './requested-scopes.ts';
import type { UsageCounter } from './usage-counter.ts';
import type { Telemetry } from '../core/telemetry.ts';

export type Renewed =
  | { kind: 'token'; accessToken: string; expiresAt: string | null; scopes: string[]; metadata: Record<string, unknown> }
  | { kind: 'needs_reauthorization' }
  | { kind: 'unavailable'; retryAfterSeconds: number };

export interface RefreshCoordinatorDeps {
  catalog: ProviderCatalog;
  clock: Clock;
  oauth: OAuthClient;
  events: EventRecorder;
  lock: RefreshLock;
  /** Renew this long before expiry (default 5 minutes). */
  marginMs: number;
  /** Counts each renewal the provider answered, by outcome (refreshed, invalid_grant, temporary, …). */
  usage: UsageCounter;
  /** The same renewals by provider, for `/metrics`. */
  telemetry: Telemetry;
  /** For the redirect URI that providers with `oauth.redirectUriOnRefresh` (GitLab) want repeated on refresh. */
  publicUrl: string;
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
  needsRenewal(row: Pick<ConnectedAccount, 'access_token' | 'expires_at' | 'updated_at'>, now = this.deps.clock.now()): boolean {
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

  private async renewRow(store: Store, row: ConnectedAccount): Promise<Renewed> {
    const now = this.deps.clock.now();
    if (row.state !== 'connected') return { kind: 'needs_reauthorization' };
    if (!this.needsRenewal(row, now)) return currentToken(row);

    const integrationRow = await store.integrations.byId(row.integration_id);
    const context = integrationRow
      ? await loadProviderContext(store, this.deps.catalog, integrationRow, row.organization_id, row.config)
      : null;
    if (!integrationRow || !context) return { kind: 'needs_reauthorization' };
    const { provider, override } = context;

    let outcome: TokenOutcome;
    let usedRefreshToken: string | null = null;
    if (row.auth_method === 'client_credentials') {
      const tokenUrl = providerEndpoint(context, 'token');
      if (!tokenUrl || !row.client_id || !row.client_secret) return this.reauthorize(store, row, integrationRow);
      outcome = await this.deps.oauth.clientCredentials(
        provider,
        tokenUrl,
        { clientId: row.client_id, clientSecret: row.client_secret.open() },
        requestedScopes(provider, integrationRow.scopes, override?.scopes ?? null),
      );
    } else {
      const endpoint = providerEndpoint(context, 'refresh');
      const { client } = context;
      if (row.refresh_token === null || !endpoint || !client) {
        // Nothing to refresh with: usable until it expires, then only the user can help.
        return this.stillValid(row, now) ? currentToken(row) : this.reauthorize(store, row, integrationRow);
      }
      usedRefreshToken = row.refresh_token.open();
      outcome = await this.deps.oauth.refresh(
        provider,
        endpoint,
        client,
        usedRefreshToken,
        redirectUri(this.deps.publicUrl, integrationRow),
      );
    }

    const counted = outcome.ok ? 'refreshed' : outcome.kind;
    // A provider the catalog says rotates refresh tokens answered without a new one: shown on /metrics,
    // where a wrong catalog fact (or a provider change) becomes visible.
    const unrotated =
      outcome.ok && usedRefreshToken !== null && outcome.tokens.refreshToken === null && provider.oauth?.refreshTokenRotates;
    this.deps.usage.count(row.environment_id, 'refresh', counted);
    this.deps.telemetry.refresh(provider.slug, unrotated ? 'refreshed_without_rotation' : counted);
    if (outcome.ok) {
      faultPoint('refresh.before_commit');
      const t = outcome.tokens;
      const scopes = t.scopes ?? row.scopes;
      const metadata = Object.keys(t.metadata).length > 0 ? t.metadata : row.metadata;
      await store.accounts.update(row, {
        access_token: t.accessToken,
        // A refresh answer without a refresh token keeps the old one (RFC 6749 §6: the server revokes the
        // old one only when it issues a new one), even where the catalog says refresh tokens rotate: the
        // new access token is good either way, and dropping the old refresh token could only end the grant
        // sooner. That case is reported to /metrics as `refreshed_without_rotation`.
        ...(t.refreshToken === null ? {} : { refresh_token: t.refreshToken }),
        expires_at: t.expiresAt,
        scopes,
        metadata,
        updated_at: iso(this.deps.clock.now()),
      });
      return { kind: 'token', accessToken: t.accessToken, expiresAt: t.expiresAt, scopes, metadata: metadata ?? {} };
    }

    const grantDead = outcome.kind === 'invalid_grant' || (row.auth_method === 'client_credentials' && outcome.kind === 'rejected');
    if (grantDead) {
      // Final only after re-reading storage: a refresh token another holder already rotated is
      // not a revoked grant (the NangoHQ/nango#1005 failure).
      const latest = await store.accounts.byIdOnly(row.id);
      const renewedMeanwhile =
        latest && (latest.updated_at !== row.updated_at || (latest.refresh_token?.open() ?? null) !== usedRefreshToken);
      if (latest && renewedMeanwhile && !this.needsRenewal(latest)) return currentToken(latest);
      return this.reauthorize(store, row, integrationRow);
    }
    // Temporary trouble never changes the account: serve the current token while it lasts.
    if (this.stillValid(row, now)) return currentToken(row);
    return {
      kind: 'unavailable',
      retryAfterSeconds:
        outcome.kind === 'temporary' && outcome.retryAfterSeconds ? outcome.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS,
    };
  }

  private async reauthorize(store: Store, row: ConnectedAccount, integration: Integration): Promise<Renewed> {
    await store.transaction(async (tx) => {
      const updated = await tx.accounts.update(row, { state: 'needs_reauthorization', updated_at: iso(this.deps.clock.now()) });
      await this.deps.events.transition(tx, row.state, updated, integration);
    });
    return { kind: 'needs_reauthorization' };
  }

  private stillValid(row: ConnectedAccount, now: number): boolean {
    return row.access_token !== null && (row.expires_at === null || Date.parse(row.expires_at) > now);
  }
}

/** The stored token as it is, for a connection that needs no renewal. */
export const currentToken = (row: Pick<ConnectedAccount, 'access_token' | 'expires_at' | 'scopes' | 'metadata'>): Renewed => ({
  kind: 'token',
  accessToken: row.access_token!.open(),
  expiresAt: row.expires_at,
  scopes: row.scopes,
  metadata: row.metadata ?? {},
});
