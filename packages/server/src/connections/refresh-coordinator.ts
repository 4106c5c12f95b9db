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
import { outcomeUnknown, type TokenOutcome } from '../oauth/token-response.ts';
import { LockTimeoutError, type RefreshLock } from '../store/refresh-lock.ts';
import type { Store } from '../store/store.ts';
import { requestedScopes } from './requested-scopes.ts';
import type { UsageCounter } from './usage-counter.ts';
import type { Telemetry } from '../core/telemetry.ts';

/** What `renew` needs of the connection as the caller read it (the vend statement's row will do). */
export type RenewalCandidate = Pick<
  ConnectedAccount,
  'id' | 'access_token' | 'expires_at' | 'scopes' | 'metadata' | 'refresh_in_doubt_until'
>;

export type Renewed =
  | {
      kind: 'token';
      accessToken: string;
      expiresAt: string | null;
      scopes: string[];
      metadata: Record<string, unknown>;
      /** The renewal was due but did not happen for now (a temporary failure, a refresh in doubt): this is the stored token. */
      deferred?: true;
    }
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
  /**
   * After a refresh whose outcome is unknown, send no other refresh of the connection for this long
   * (OPENPIPES_REFRESH_IN_DOUBT_SECONDS; 0 turns the hold off).
   */
  inDoubtMs: number;
  /** Counts each renewal the provider answered, by outcome (refreshed, invalid_grant, temporary, …). */
  usage: UsageCounter;
  /** The same renewals by provider, for `/metrics`. */
  telemetry: Telemetry;
  /** For the redirect URI that providers with `oauth.redirectUriOnRefresh` (GitLab) want repeated on refresh. */
  publicUrl: string;
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Why a token is renewed. Every reason also renews a token that is about to expire, so callers with
 * different reasons can share one renewal (single flight) and none of them gets a token it could
 * not use.
 * - `expiry`: the vend path; only a token about to expire.
 * - `rejected`: the provider refused this access token (a proxied call's 401): renew unless the
 *   stored token is already another one, which someone renewed meanwhile.
 * - `due`: the health scheduler; also when `due` says so of the connection as re-read under the lock.
 */
export type RenewalReason =
  | { kind: 'expiry' }
  | { kind: 'rejected'; accessToken: string }
  | { kind: 'due'; due: (row: ConnectedAccount, now: number) => boolean };

const EXPIRY: RenewalReason = { kind: 'expiry' };

/**
 * The one place tokens are renewed, for both vend routes: OAuth refresh and client-credentials
 * re-minting. Exactly one renewal per expiry across every process: concurrent callers in this
 * process share one promise (single flight), processes queue on the database lock, and whoever
 * gets the lock re-reads the row and renews only if it still needs it. A refresh whose outcome is
 * unknown holds every later one off until it can no longer land (`refresh_in_doubt_until`).
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

  /**
   * Renews `row`'s token. While a refresh of it is in doubt (as `row` was read) the answer comes
   * from the row alone: no lock, no provider call. Concurrent calls share one renewal; a
   * `rejected` one only with others about the same token, since a renewal that found the token
   * still fresh would hand it back the very token the provider refused.
   */
  renew(row: RenewalCandidate, reason: RenewalReason = EXPIRY): Promise<Renewed> {
    const held = this.heldByDoubt(row, this.deps.clock.now());
    if (held) return Promise.resolve(held);
    const key = reason.kind === 'rejected' ? `${row.id}\u0000${reason.accessToken}` : row.id;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.renewUnderLock(row.id, reason).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** Whether `row`, as re-read under the lock, is to be renewed now for `reason`. */
  private wanted(row: ConnectedAccount, reason: RenewalReason, now: number): boolean {
    if (this.needsRenewal(row, now)) return true;
    if (reason.kind === 'rejected') return row.access_token !== null && row.access_token.open() === reason.accessToken;
    if (reason.kind === 'due') return reason.due(row, now);
    return false;
  }

  private async renewUnderLock(accountId: string, reason: RenewalReason): Promise<Renewed> {
    try {
      return await this.deps.lock.withLock(accountId, (store, row) => this.renewRow(store, row, reason));
    } catch (e) {
      if (e instanceof LockTimeoutError) return { kind: 'unavailable', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS };
      throw e;
    }
  }

  private async renewRow(store: Store, row: ConnectedAccount, reason: RenewalReason): Promise<Renewed> {
    const now = this.deps.clock.now();
    if (row.state !== 'connected') return { kind: 'needs_reauthorization' };
    if (!this.wanted(row, reason, now)) return currentToken(row);
    // Seen only now when the holder we queued behind left the refresh in doubt.
    const held = this.heldByDoubt(row, now);
    if (held) return held;

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
        last_refreshed_at: iso(this.deps.clock.now()),
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
    if (usedRefreshToken !== null && outcomeUnknown(outcome) && this.deps.inDoubtMs > 0) {
      // The provider may still process this request and rotate the refresh token; another refresh
      // sent meanwhile would then present a spent token, get invalid_grant, and wrongly end the
      // connection. Written under the lock, so whoever queued behind us sees it. A client-credentials
      // grant rotates nothing, so asking again is harmless there.
      const gaveUp = this.deps.clock.now();
      await store.accounts.markRefreshInDoubt(row.id, iso(gaveUp + this.deps.inDoubtMs));
      return this.stillValid(row, gaveUp)
        ? deferred(row)
        : { kind: 'unavailable', retryAfterSeconds: Math.ceil(this.deps.inDoubtMs / 1000) };
    }
    // Temporary trouble never changes the account: serve the current token while it lasts.
    if (this.stillValid(row, now)) return deferred(row);
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

  /**
   * While a refresh of `row` is in doubt: its current token if still valid (serving it risks
   * nothing), else 503 until the doubt ends. Null when no refresh is in doubt.
   */
  private heldByDoubt(row: RenewalCandidate, now: number): Renewed | null {
    const until = row.refresh_in_doubt_until === null ? Number.NaN : Date.parse(row.refresh_in_doubt_until);
    if (!(until > now)) return null;
    if (this.stillValid(row, now)) return deferred(row);
    return { kind: 'unavailable', retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
  }

  private stillValid(row: Pick<ConnectedAccount, 'access_token' | 'expires_at'>, now: number): boolean {
    return row.access_token !== null && (row.expires_at === null || Date.parse(row.expires_at) > now);
  }
}

/** The stored token as it is, for a connection that needs no renewal. */
export const currentToken = (
  row: Pick<ConnectedAccount, 'access_token' | 'expires_at' | 'scopes' | 'metadata'>,
): Extract<Renewed, { kind: 'token' }> => ({
  kind: 'token',
  accessToken: row.access_token!.open(),
  expiresAt: row.expires_at,
  scopes: row.scopes,
  metadata: row.metadata ?? {},
});

/** The stored token, handed out because the renewal that was due could not happen for now. */
const deferred = (row: Pick<ConnectedAccount, 'access_token' | 'expires_at' | 'scopes' | 'metadata'>): Renewed => ({
  ...currentToken(row),
  deferred: true,
});
