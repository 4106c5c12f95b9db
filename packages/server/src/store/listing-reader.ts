import type BetterSqlite3 from 'better-sqlite3';
import type { ListedAccount } from '../domain/connected-account.ts';
import { readJson } from './encoding.ts';
import type { Sealer } from './sealer.ts';
import type { RawHandle } from './vend-reader.ts';

export interface ListingQuery {
  environmentId: string;
  integrationIds: readonly string[];
  ownerKey: string;
  compatibilityOnly: boolean;
}

/**
 * The versions of what one listing shows (migration 0011): `environment` changes with any
 * integration, custom provider or override of the environment, `owner` with any of the owner's
 * connections. Equal versions, equal answer.
 */
export interface ListingVersions {
  environment: number;
  owner: number;
}

interface ListingRow extends Omit<ListedAccount, 'scopes' | 'config'> {
  environment_id: string;
  scopes: string;
  config: string;
}

// Only what the listings show: no token, key or secret column is read, decoded or kept.
const COLUMNS = `id, environment_id, integration_id, user_id, organization_id, connection_role, auth_method, state, scopes,
  account_identifier, account_display_name, api_key_last4, client_id, client_secret_last4, config, created_at, updated_at`;

type Shape = 'versions' | 'all' | 'compat';

/**
 * The provider listings' reads (R1, R23): the versions of what a listing shows, then — only when
 * those changed since the caller last built it — the owner's connections. Like the vend read,
 * each is prepared once and run on the driver, without the query builder.
 */
export class ListingReader {
  private readonly sqlite = new Map<Shape, BetterSqlite3.Statement>();

  constructor(
    private readonly raw: RawHandle,
    private readonly sealer: Sealer,
  ) {}

  async versions(environmentId: string, ownerKey: string): Promise<ListingVersions> {
    // SQLite's `?` are positional: the environment id is bound once per use.
    const params = this.raw.kind === 'sqlite' ? [environmentId, environmentId, ownerKey] : [environmentId, ownerKey];
    const [row] = await this.run<{ environment: number | string | null; owner: number | string | null }>('versions', params);
    return { environment: Number(row?.environment ?? 0), owner: Number(row?.owner ?? 0) };
  }

  async accounts(q: ListingQuery): Promise<ListedAccount[]> {
    const ids = this.raw.kind === 'sqlite' ? JSON.stringify(q.integrationIds) : q.integrationIds;
    const rows = await this.run<ListingRow>(q.compatibilityOnly ? 'compat' : 'all', [q.ownerKey, ids]);
    return rows.map(({ environment_id, ...r }) => ({
      ...r,
      scopes: readJson<string[]>(r.scopes),
      config: this.sealer.config(r.config, { environmentId: environment_id, table: 'connected_accounts', rowId: r.id }),
    }));
  }

  private async run<R>(shape: Shape, params: unknown[]): Promise<R[]> {
    if (this.raw.kind === 'sqlite') {
      let stmt = this.sqlite.get(shape);
      if (!stmt) {
        stmt = this.raw.db.prepare(text(shape, 'sqlite'));
        this.sqlite.set(shape, stmt);
      }
      this.raw.onQuery?.(stmt.source);
      return stmt.all(...params) as R[];
    }
    const sql = text(shape, 'postgres');
    this.raw.onQuery?.(sql);
    return (await this.raw.pool.query({ name: `listing_${shape}`, text: sql, values: params })).rows as R[];
  }
}

function text(shape: Shape, dialect: RawHandle['kind']): string {
  const [p1, p2] = dialect === 'sqlite' ? ['?', '?'] : ['$1', '$2'];
  if (shape === 'versions') {
    const version = (scope: string) => `(SELECT version FROM read_model_versions WHERE environment_id = ${p1} AND scope_key = ${scope})`;
    return `SELECT ${version(`''`)} AS environment, ${version(p2)} AS owner`;
  }
  const ids = dialect === 'sqlite' ? `IN (SELECT value FROM json_each(?))` : `= ANY($2::text[])`;
  const compat = shape === 'compat' ? ` AND connection_role = 'compatibility'` : '';
  return `SELECT ${COLUMNS} FROM connected_accounts WHERE owner_key = ${p1} AND integration_id ${ids}${compat} ORDER BY connection_role, id`;
}
