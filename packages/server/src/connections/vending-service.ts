import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { ConfigField } from '../catalog/provider-definition.ts';
import type { Clock } from '../clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import { AppError, notFound } from '../errors.ts';
import { publicConfig } from '../integrations/sealed-config.ts';
import type { VendRow } from '../store/vend-reader.ts';
import type { Store } from '../store/store.ts';
import { ownerFromRequest } from './owner.ts';
import type { RefreshCoordinator, Renewed } from './refresh-coordinator.ts';
import { missingScopes } from './requested-scopes.ts';

export interface VendInput {
  user_id: string;
  organization_id?: string | null;
  connected_account_id?: string;
  connection_owner?: 'user' | 'organization';
  supports_multiple_connections?: boolean;
}

type Inactive = { active: false; error: 'not_installed' | 'needs_reauthorization' };

export type TokenAnswer =
  | { active: true; access_token: { object: 'access_token'; access_token: string; expires_at: string | null; scopes: string[]; missing_scopes: string[] } }
  | Inactive;

export type CredentialAnswer =
  | {
      active: true;
      credential:
        | { object: 'credential'; auth_method: 'oauth'; value: string; expires_at: string | null; scopes: string[]; missing_scopes: string[]; config: Record<string, string> }
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

/** A selected row that has a connection: its account columns are set. */
type AccountVendRow = VendRow & { id: string; environment_id: string; auth_method: NonNullable<VendRow['auth_method']>; scopes: string; updated_at: string };

interface Selected {
  row: AccountVendRow;
  requested: string[];
  fields: readonly ConfigField[];
}

/**
 * R13 and R14, the hot path: one indexed read and one decryption when the token is fresh; the
 * refresh coordinator only when it is not.
 */
export class VendingService {
  constructor(private readonly deps: { store: Store; keyring: Keyring; catalog: ProviderCatalog; clock: Clock; refresh: RefreshCoordinator }) {}

  async token(environmentId: string, slug: string, input: VendInput): Promise<TokenAnswer> {
    const selected = await this.select(environmentId, slug, input, 'token');
    if ('active' in selected) return selected;
    if (selected.row.auth_method === 'api_key') {
      throw new AppError(422, 'unsupported_auth_method', `"${slug}" stores API keys; use POST /data-integrations/${slug}/credentials.`, [{ field: 'slug', code: 'unsupported_auth_method' }]);
    }
    const t = await this.fresh(selected.row);
    if (t.kind !== 'token') return inactive(t);
    return {
      active: true,
      access_token: { object: 'access_token', access_token: t.accessToken, expires_at: t.expiresAt, scopes: t.scopes, missing_scopes: missingScopes(selected.requested, t.scopes) },
    };
  }

  async credentials(environmentId: string, slug: string, input: VendInput): Promise<CredentialAnswer> {
    const selected = await this.select(environmentId, slug, input, 'credentials');
    if ('active' in selected) return selected;
    const { row, fields } = selected;
    const config = { ...publicConfig(fields, row.di_config ?? null), ...publicConfig(fields, row.config ?? null) };
    if (row.auth_method === 'api_key') {
      if (!row.api_key) return { active: false, error: 'needs_reauthorization' };
      return { active: true, credential: { object: 'credential', auth_method: 'api_key', value: this.open(row, 'api_key', row.api_key), config } };
    }
    const t = await this.fresh(row);
    if (t.kind !== 'token') return inactive(t);
    const base = { object: 'credential' as const, value: t.accessToken, expires_at: t.expiresAt, scopes: t.scopes, missing_scopes: missingScopes(selected.requested, t.scopes), config };
    if (row.auth_method === 'client_credentials') return { active: true, credential: { ...base, auth_method: 'client_credentials', metadata: t.metadata } };
    return { active: true, credential: { ...base, auth_method: 'oauth' } };
  }

  private async select(environmentId: string, slug: string, input: VendInput, purpose: 'token' | 'credentials'): Promise<Selected | Inactive> {
    const owner = ownerFromRequest(input.connection_owner, input.user_id, input.organization_id);
    const reader = this.deps.store.vend;
    if (!reader) throw new Error('the store was opened without its driver handle');
    const rows = await reader.lookup({
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
    if (!first) throw notFound(`No ${owner.type}-owned data integration for "${slug}".`, slug);
    if (rows.length > 1) throw new AppError(409, 'account_selection_required', 'This owner has several connections for the provider; pass connected_account_id.');
    if (first.id === null) return { active: false, error: 'not_installed' };
    const row = first as AccountVendRow;
    if (row.state !== 'connected') return { active: false, error: 'needs_reauthorization' };
    const builtin = first.di_custom_provider_id === null ? this.deps.catalog.get(slug) : null;
    const chosen = first.oc_scopes ?? first.di_scopes;
    return {
      row,
      requested: chosen === null ? [...(builtin?.defaultScopes ?? [])] : (JSON.parse(chosen) as string[]),
      fields: builtin?.configFields ?? [],
    };
  }

  /** The fast path decrypts the stored token; anything near expiry goes through the coordinator. */
  private async fresh(row: AccountVendRow): Promise<Renewed> {
    if (!this.deps.refresh.needsRenewal(row)) {
      return { kind: 'token', accessToken: this.open(row, 'access_token', row.access_token!), expiresAt: row.expires_at, scopes: JSON.parse(row.scopes) as string[], metadata: row.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : {} };
    }
    const renewed = await this.deps.refresh.renew(row.id);
    if (renewed.kind === 'unavailable') {
      throw new AppError(503, 'provider_unavailable', 'The provider did not answer the token refresh; retry shortly.', undefined, { retry_after: renewed.retryAfterSeconds });
    }
    return renewed;
  }

  private open(row: AccountVendRow, column: string, sealed: string): string {
    return this.deps.keyring.open(sealed, secretContext(row.environment_id, 'connected_accounts', column, row.id));
  }
}

const inactive = (r: Exclude<Renewed, { kind: 'token' }>): Inactive => {
  if (r.kind === 'needs_reauthorization') return { active: false, error: 'needs_reauthorization' };
  throw new AppError(503, 'provider_unavailable', 'The provider is unavailable; retry shortly.', undefined, { retry_after: r.retryAfterSeconds });
};
