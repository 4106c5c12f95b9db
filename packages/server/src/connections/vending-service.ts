import type { ProviderCatalog } from '../catalog/catalog.ts';
import {
  AppError,
  accountSelectionRequired,
  apiKeyIntegrationNotVended,
  integrationNotFound,
  providerUnavailable,
} from '../core/errors.ts';
import type { VendAccount, VendQuery } from '../store/vend-reader.ts';
import type { Store } from '../store/store.ts';
import type { Telemetry, VendOutcome, VendRoute } from '../core/telemetry.ts';
import { ownerFromRequest } from '../domain/owner.ts';
import { currentToken, type RefreshCoordinator, type Renewed } from './refresh-coordinator.ts';
import { missingScopes, requestedScopes } from './requested-scopes.ts';
import type { LastUsedRecorder } from './last-used.ts';
import type { UsageCounter } from './usage-counter.ts';

export interface VendInput {
  user_id: string;
  organization_id?: string | null;
  connected_account_id?: string;
  connection_owner?: 'user' | 'organization';
  supports_multiple_connections?: boolean;
}

type Inactive = { active: false; error: 'not_installed' | 'needs_reauthorization' };

export type TokenAnswer =
  | {
      active: true;
      access_token: { object: 'access_token'; access_token: string; expires_at: string | null; scopes: string[]; missing_scopes: string[] };
    }
  | Inactive;

export type CredentialAnswer =
  | {
      active: true;
      credential:
        | {
            object: 'credential';
            auth_method: 'oauth';
            value: string;
            expires_at: string | null;
            scopes: string[];
            missing_scopes: string[];
            config: Record<string, string>;
          }
        | { object: 'credential'; auth_method: 'api_key'; value: string; config: Record<string, string> }
        | {
            object: 'credential';
            auth_method: 'client_credentials';
            value: string;
            expires_at: string | null;
            scopes: string[];
            missing_scopes: string[];
            metadata: Record<string, unknown>;
            config: Record<string, string>;
          };
    }
  | Inactive;

/**
 * What the proxy attaches to a provider call (issue 12): the connection as read (a 401 renews from
 * it) and its secret, renewed first when near expiry exactly as `/credentials` would; and the
 * environment's read-model version read with it, which says whether cached provider settings hold.
 */
export type ProxyCredential = { active: true; account: VendAccount; secret: string; settingsVersion: number } | Inactive;

/** An answer, whether the token had to be renewed for it (`refreshed` on `/metrics`), and the connection that answered. */
interface Vended<T> {
  answer: T;
  renewed: boolean;
  accountId: string | null;
}

interface Selected {
  row: VendAccount;
  requested: string[];
  /** The catalog's scope aliases: a requested scope granted under another name is not missing. */
  scopeAliases: Readonly<Record<string, readonly string[]>>;
  /** Config the answer may show: the integration's pinned values under the connection's. */
  config: () => Record<string, string>;
  /** The environment's read-model version as of the read (the proxy's purpose only; else null). */
  environmentVersion: number | null;
}

/**
 * R13 and R14, the hot path: one indexed read and one decryption when the token is fresh; the
 * refresh coordinator only when it is not.
 */
export class VendingService {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'vend'>;
      catalog: ProviderCatalog;
      refresh: RefreshCoordinator;
      usage: UsageCounter;
      lastUsed: LastUsedRecorder;
      telemetry: Telemetry;
    },
  ) {}

  token(environmentId: string, slug: string, input: VendInput): Promise<TokenAnswer> {
    return this.counted(environmentId, 'token', this.vendToken(environmentId, slug, input));
  }

  credentials(environmentId: string, slug: string, input: VendInput): Promise<CredentialAnswer> {
    return this.counted(environmentId, 'credentials', this.vendCredential(environmentId, slug, input));
  }

  /**
   * The proxy's vend: the same selection (plural, so several matching connections are a 409), renewal
   * and counting as `/credentials` (route `proxy` on `/metrics`), so a proxied call is recorded as a
   * use of the connection like any vend.
   */
  proxyCredential(environmentId: string, slug: string, input: VendInput): Promise<ProxyCredential> {
    return this.counted(environmentId, 'proxy', this.vendProxy(environmentId, slug, input));
  }

  /**
   * Counts a vend by outcome and records the connection's use (both in memory: no query); refused
   * requests (404, 409, 422) are not vends for the usage charts, and `refused` on `/metrics`.
   */
  private async counted<T extends { active: true } | Inactive>(
    environmentId: string,
    route: VendRoute,
    vend: Promise<Vended<T>>,
  ): Promise<T> {
    let outcome: VendOutcome = 'refused';
    try {
      const { answer, renewed, accountId } = await vend;
      this.deps.usage.count(environmentId, 'vend', answer.active ? 'active' : answer.error);
      if (answer.active && accountId !== null) this.deps.lastUsed.touch(accountId);
      outcome = answer.active ? (renewed ? 'refreshed' : 'ok') : answer.error;
      return answer;
    } catch (e) {
      if (e instanceof AppError && e.code === 'provider_unavailable') {
        this.deps.usage.count(environmentId, 'vend', 'unavailable');
        outcome = 'unavailable';
      }
      throw e;
    } finally {
      this.deps.telemetry.vend(route, outcome);
    }
  }

  private async vendToken(environmentId: string, slug: string, input: VendInput): Promise<Vended<TokenAnswer>> {
    const selected = await this.select(environmentId, slug, input, 'token');
    if ('active' in selected) return { answer: selected, renewed: false, accountId: null };
    if (selected.row.auth_method === 'api_key') {
      throw apiKeyIntegrationNotVended(slug);
    }
    const renewed = this.deps.refresh.needsRenewal(selected.row);
    const accountId = selected.row.id;
    const t = await this.fresh(selected.row, renewed);
    if (t.kind !== 'token') return { answer: inactive(t), renewed, accountId };
    const answer: TokenAnswer = {
      active: true,
      access_token: {
        object: 'access_token',
        access_token: t.accessToken,
        expires_at: t.expiresAt,
        scopes: t.scopes,
        missing_scopes: missingScopes(selected.requested, t.scopes, selected.scopeAliases),
      },
    };
    return { answer, renewed, accountId };
  }

  private async vendCredential(environmentId: string, slug: string, input: VendInput): Promise<Vended<CredentialAnswer>> {
    const selected = await this.select(environmentId, slug, input, 'credentials');
    if ('active' in selected) return { answer: selected, renewed: false, accountId: null };
    const { row } = selected;
    const { renewed, secret } = await this.secretOf(row);
    const vended = (answer: CredentialAnswer) => ({ answer, renewed, accountId: row.id });
    if ('active' in secret) return vended(secret);
    const config = selected.config();
    if (secret.kind === 'api_key') {
      return vended({ active: true, credential: { object: 'credential', auth_method: 'api_key', value: secret.value, config } });
    }
    const base = {
      object: 'credential' as const,
      value: secret.accessToken,
      expires_at: secret.expiresAt,
      scopes: secret.scopes,
      missing_scopes: missingScopes(selected.requested, secret.scopes, selected.scopeAliases),
      config,
    };
    if (row.auth_method === 'client_credentials') {
      return vended({ active: true, credential: { ...base, auth_method: 'client_credentials', metadata: secret.metadata } });
    }
    return vended({ active: true, credential: { ...base, auth_method: 'oauth' } });
  }

  private async vendProxy(environmentId: string, slug: string, input: VendInput): Promise<Vended<ProxyCredential>> {
    const selected = await this.select(environmentId, slug, { ...input, supports_multiple_connections: true }, 'proxy');
    if ('active' in selected) return { answer: selected, renewed: false, accountId: null };
    const { row } = selected;
    const { renewed, secret } = await this.secretOf(row);
    if ('active' in secret) return { answer: secret, renewed, accountId: row.id };
    const value = secret.kind === 'api_key' ? secret.value : secret.accessToken;
    const answer = { active: true as const, account: row, secret: value, settingsVersion: selected.environmentVersion ?? 0 };
    return { answer, renewed, accountId: row.id };
  }

  /**
   * The secret a credential vend (R14 or the proxy) hands out: the stored API key, or the token,
   * renewed first when near expiry; inactive when there is none to use.
   */
  private async secretOf(
    row: VendAccount,
  ): Promise<{ renewed: boolean; secret: Inactive | { kind: 'api_key'; value: string } | Extract<Renewed, { kind: 'token' }> }> {
    if (row.auth_method === 'api_key') {
      return {
        renewed: false,
        secret: row.api_key ? { kind: 'api_key', value: row.api_key.open() } : { active: false, error: 'needs_reauthorization' },
      };
    }
    const renewed = this.deps.refresh.needsRenewal(row);
    const t = await this.fresh(row, renewed);
    return { renewed, secret: t.kind === 'token' ? t : inactive(t) };
  }

  private async select(environmentId: string, slug: string, input: VendInput, purpose: VendQuery['purpose']): Promise<Selected | Inactive> {
    const owner = ownerFromRequest(input.connection_owner, input.user_id, input.organization_id);
    const rows = await this.deps.store.vend.lookup({
      environmentId,
      slug,
      ownership: owner.type,
      ownerKey: owner.key,
      organizationId: owner.organizationId,
      accountId: input.connected_account_id ?? null,
      plural: input.supports_multiple_connections === true,
      purpose,
    });
    const first = rows[0];
    if (!first) throw integrationNotFound(slug, owner.type);
    if (rows.length > 1) throw accountSelectionRequired();
    const row = first.account;
    if (row === null) return { active: false, error: 'not_installed' };
    if (row.state !== 'connected') return { active: false, error: 'needs_reauthorization' };
    const builtin = first.custom_provider ? null : this.deps.catalog.get(slug);
    const fields = builtin?.configFields ?? [];
    return {
      row,
      requested: requestedScopes(builtin ?? null, first.requested_scopes, null),
      scopeAliases: builtin?.oauth?.scopeAliases ?? {},
      config: () => first.integration_config.under(row.config).visible(fields),
      environmentVersion: first.environment_version,
    };
  }

  /**
   * The fast path decrypts the stored token; anything near expiry (`renew`) goes through the
   * coordinator, with the row as read (it answers a refresh in doubt from the row alone).
   */
  private async fresh(row: VendAccount, renew: boolean): Promise<Renewed> {
    if (!renew) return currentToken(row);
    const renewed = await this.deps.refresh.renew(row);
    if (renewed.kind === 'unavailable') {
      throw providerUnavailable(renewed.retryAfterSeconds, 'The provider did not answer the token refresh; retry shortly.');
    }
    return renewed;
  }
}

const inactive = (r: Exclude<Renewed, { kind: 'token' }>): Inactive => {
  if (r.kind === 'needs_reauthorization') return { active: false, error: 'needs_reauthorization' };
  throw providerUnavailable(r.retryAfterSeconds, 'The provider is unavailable; retry shortly.');
};
