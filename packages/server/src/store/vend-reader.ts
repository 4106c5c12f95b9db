import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { AuthMethod, AccountState } from '../domain/connected-account.ts';
import type { Secret } from '../domain/secret.ts';
import { StoredConfig } from '../domain/stored-config.ts';
import type { Sealer, SealedAt } from './sealer.ts';
import { readJson, readJsonOrNull } from './encoding.ts';
import { StatementBatcher } from './statement-batcher.ts';

/**
 * The driver handles under Kysely, for the statements that must not pay for a query builder (the
 * vend and listing reads). `onQuery` sees each of them, as Kysely's log sees the rest (tests count).
 */
export type RawHandle = ({ kind: 'sqlite'; db: BetterSqlite3.Database } | { kind: 'postgres'; pool: pg.Pool }) & {
  onQuery?: (sql: string) => void;
};

export interface VendQuery {
  environmentId: string;
  slug: string;
  ownership: 'user' | 'organization';
  ownerKey: string;
  organizationId: string | null;
  accountId: string | null;
  plural: boolean;
  /**
   * `/token` reads fewer columns than `/credentials` (no API key, config or metadata); the proxy
   * reads the credential's and the environment's read-model version (its provider settings cache).
   */
  purpose: 'token' | 'credentials' | 'proxy';
}

/** The connection a vend selected, as vending needs it. */
export interface VendAccount {
  id: string;
  auth_method: AuthMethod;
  state: AccountState;
  scopes: string[];
  access_token: Secret | null;
  expires_at: string | null;
  updated_at: string;
  /** A refresh whose outcome is unknown may still land until then: no refresh before (ConnectedAccount). */
  refresh_in_doubt_until: string | null;
  /** Read for `/credentials` only (null otherwise). */
  api_key: Secret | null;
  config: StoredConfig;
  metadata: Record<string, unknown> | null;
}

/** One row of the vend read: the integration, and the selected connection when there is one. */
export interface VendCandidate {
  account: VendAccount | null;
  /** The scopes the integration asks for, the organization's override winning; null: provider defaults. */
  requested_scopes: string[] | null;
  /** The integration's pinned config (read for `/credentials` only). */
  integration_config: StoredConfig;
  custom_provider: boolean;
  /** The environment's read-model version (migration 0011) as of this read; the proxy's only, else null. */
  environment_version: number | null;
}

/** The columns read: the connection's (all null when there is none) and its integration's. */
interface VendRow {
  id: string | null;
  environment_id: string | null;
  auth_method: 'oauth' | 'api_key' | 'client_credentials' | null;
  state: 'connected' | 'needs_reauthorization' | 'disconnected' | null;
  scopes: string | null;
  access_token: string | null;
  expires_at: string | null;
  updated_at: string | null;
  refresh_in_doubt_until: string | null;
  di_scopes: string | null;
  /** Read for `/credentials` only. */
  api_key?: string | null;
  config?: string | null;
  metadata?: string | null;
  di_id?: string;
  di_config?: string;
  di_custom_provider_id: string | null;
  oc_scopes: string | null;
  /** Read for the proxy only. */
  env_version?: number | string | null;
}

// Every column read is a string built per request: read only what the route answers with.
const TOKEN_COLUMNS = `ca.id, ca.environment_id, ca.auth_method, ca.state, ca.scopes, ca.access_token, ca.expires_at, ca.updated_at,
  ca.refresh_in_doubt_until, di.scopes AS di_scopes, di.custom_provider_id AS di_custom_provider_id`;
const CREDENTIAL_COLUMNS = `${TOKEN_COLUMNS}, ca.api_key, ca.config, ca.metadata, di.id AS di_id, di.config AS di_config`;
// The version by primary key in the same statement: a proxied call needs no second round trip to
// know whether its cached provider settings still hold (proxy/provider-settings-cache.ts).
const PROXY_COLUMNS = `${CREDENTIAL_COLUMNS}, (SELECT rv.version FROM read_model_versions rv
  WHERE rv.environment_id = di.environment_id AND rv.scope_key = '') AS env_version`;
const COLUMNS = { token: TOKEN_COLUMNS, credentials: CREDENTIAL_COLUMNS, proxy: PROXY_COLUMNS } as const;

/**
 * The vend path's single read (R13/R14): integration, selected connection(s) and the
 * organization's scope override in one indexed statement, prepared once per shape and run on the
 * driver directly. No row: no integration; a row with a null `id`: no connection.
 */
export class VendReader {
  private readonly sql = new Map<string, string>();
  private readonly sqlite = new Map<string, BetterSqlite3.Statement>();
  private batcher: StatementBatcher | null = null;

  constructor(
    private readonly raw: RawHandle,
    private readonly sealer: Sealer,
  ) {}

  async lookup(q: VendQuery): Promise<VendCandidate[]> {
    return (await this.rows(q)).map((r) => this.toCandidate(q.environmentId, r));
  }

  private toCandidate(environmentId: string, r: VendRow): VendCandidate {
    const chosen = r.oc_scopes ?? r.di_scopes;
    const candidate: VendCandidate = {
      account: null,
      requested_scopes: readJsonOrNull<string[]>(chosen),
      integration_config:
        r.di_config === undefined || r.di_id === undefined
          ? StoredConfig.EMPTY
          : this.sealer.config(r.di_config, { environmentId, table: 'data_integrations', rowId: r.di_id }),
      custom_provider: r.di_custom_provider_id !== null,
      environment_version: r.env_version === undefined ? null : Number(r.env_version ?? 0),
    };
    if (
      r.id === null ||
      r.environment_id === null ||
      r.auth_method === null ||
      r.state === null ||
      r.scopes === null ||
      r.updated_at === null
    )
      return candidate;
    const at: SealedAt = { environmentId: r.environment_id, table: 'connected_accounts', rowId: r.id };
    candidate.account = {
      id: r.id,
      auth_method: r.auth_method,
      state: r.state,
      scopes: readJson<string[]>(r.scopes),
      access_token: this.sealer.secret(r.access_token, at, 'access_token'),
      expires_at: r.expires_at,
      updated_at: r.updated_at,
      refresh_in_doubt_until: r.refresh_in_doubt_until,
      api_key: this.sealer.secret(r.api_key ?? null, at, 'api_key'),
      config: r.config ? this.sealer.config(r.config, at) : StoredConfig.EMPTY,
      metadata: readJsonOrNull<Record<string, unknown>>(r.metadata ?? null),
    };
    return candidate;
  }

  private async rows(q: VendQuery): Promise<VendRow[]> {
    const selector = q.accountId !== null ? 'id' : q.plural ? 'plural' : 'compat';
    const withOrg = q.organizationId !== null;
    const params: unknown[] = [q.ownerKey];
    if (selector === 'id') params.push(q.accountId);
    if (withOrg) params.push(q.organizationId);
    params.push(q.environmentId, q.slug, q.ownership);
    const key = `${q.purpose}|${selector}|${withOrg}`;
    if (this.raw.kind === 'sqlite') {
      let stmt = this.sqlite.get(key);
      if (!stmt) {
        stmt = this.raw.db.prepare(this.text(key, q.purpose, selector, withOrg, () => '?'));
        this.sqlite.set(key, stmt);
      }
      this.raw.onQuery?.(stmt.source);
      return stmt.all(...params) as VendRow[];
    }
    let n = 0;
    const text = this.text(key, q.purpose, selector, withOrg, () => `$${++n}`);
    this.batcher ??= new StatementBatcher(this.raw.pool, 'vend', this.raw.onQuery);
    return this.batcher.run<VendRow>(key.replaceAll('|', '_'), text, params);
  }

  private text(
    key: string,
    purpose: VendQuery['purpose'],
    selector: 'id' | 'plural' | 'compat',
    withOrg: boolean,
    p: () => string,
  ): string {
    let text = this.sql.get(key);
    if (text) return text;
    const accountOn =
      `ca.integration_id = di.id AND ca.owner_key = ${p()}` +
      (selector === 'id' ? ` AND ca.id = ${p()}` : selector === 'compat' ? ` AND ca.connection_role = 'compatibility'` : '');
    const org = withOrg ? `oc.scopes AS oc_scopes` : `NULL AS oc_scopes`;
    const orgJoin = withOrg
      ? `LEFT JOIN org_configurations oc ON oc.environment_id = di.environment_id AND oc.slug = di.slug AND oc.organization_id = ${p()}`
      : '';
    text = `SELECT ${COLUMNS[purpose]}, ${org} FROM data_integrations di LEFT JOIN connected_accounts ca ON ${accountOn} ${orgJoin}
      WHERE di.environment_id = ${p()} AND di.slug = ${p()} AND di.ownership = ${p()} LIMIT 2`;
    this.sql.set(key, text);
    return text;
  }
}
