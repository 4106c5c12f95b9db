import type { Kysely, Selectable } from 'kysely';
import type {
  AccountActivity,
  AccountChanges,
  AccountFilter,
  AccountState,
  ConnectedAccount,
  NewAccount,
} from '../domain/connected-account.ts';
import { encodeChanges, json, jsonOrNull, readJson, readJsonOrNull } from './encoding.ts';
import type { Sealer, SealedAt } from './sealer.ts';
import { updateById } from './update-by-id.ts';
import type { ConnectedAccountsTable, Database } from './schema.ts';

type AccountRow = Selectable<ConnectedAccountsTable>;
type AccountColumns = Partial<Omit<AccountRow, 'id' | 'environment_id' | 'integration_id'>>;

const TABLE = 'connected_accounts';

/** Ids per statement of `recordUse` and `byIds`: well under both dialects' bound-parameter limits. */
const IDS_PER_STATEMENT = 500;

/** How many connections one provider has in one state. */
export interface ProviderStateCount {
  slug: string;
  state: AccountState;
  count: number;
}

/** A page of a search: each connection with its integration's slug. */
export interface AccountSearchPage {
  items: Array<{ account: ConnectedAccount; slug: string }>;
  hasMore: boolean;
}

/** What a new connection stores for everything its first write leaves out: no credentials yet. */
const BLANK = {
  state: 'needs_reauthorization',
  scopes: '[]',
  account_identifier: null,
  account_display_name: null,
  access_token: null,
  refresh_token: null,
  expires_at: null,
  api_key: null,
  api_key_last4: null,
  client_id: null,
  client_secret: null,
  client_secret_last4: null,
  config: '{}',
  metadata: null,
  refresh_lock_until: null,
  refresh_in_doubt_until: null,
  last_refreshed_at: null,
  last_used_at: null,
  last_health_check_at: null,
  last_health_check_result: null,
  next_health_check_at: null,
  health_check_failures: 0,
} as const;

/** Connected accounts: rows in, domain accounts out; secrets sealed to their row here. */
export class AccountsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  /** Creates a connection from its identity and first values; returns it as stored. */
  async insert(account: NewAccount, changes: AccountChanges): Promise<ConnectedAccount> {
    const at = sealedAt(account);
    const { id, environment_id, integration_id, owner, connection_role, auth_method, created_at } = account;
    const identity = { id, environment_id, integration_id, connection_role, auth_method, created_at, updated_at: created_at };
    const ownerColumns = { owner_type: owner.type, user_id: owner.userId, organization_id: owner.organizationId, owner_key: owner.key };
    const row: AccountRow = { ...BLANK, ...identity, ...ownerColumns, ...this.columns(at, changes) };
    await this.db.insertInto(TABLE).values(row).execute();
    return this.toDomain(row);
  }

  /** Applies `changes` to a connection; returns it as stored afterwards. */
  async update(account: Pick<ConnectedAccount, 'id' | 'environment_id'>, changes: AccountChanges): Promise<ConnectedAccount> {
    return this.toDomain(await updateById(this.db, TABLE, account.id, this.columns(sealedAt(account), changes)));
  }

  async byId(integrationId: string, id: string): Promise<ConnectedAccount | null> {
    return this.one(
      await this.db.selectFrom(TABLE).selectAll().where('integration_id', '=', integrationId).where('id', '=', id).executeTakeFirst(),
    );
  }

  async byIdOnly(id: string): Promise<ConnectedAccount | null> {
    return this.one(await this.db.selectFrom(TABLE).selectAll().where('id', '=', id).executeTakeFirst());
  }

  /** These connections by id, one statement per IDS_PER_STATEMENT ids (the health scheduler's batch); ids unknown are absent. */
  async byIds(ids: readonly string[]): Promise<Map<string, ConnectedAccount>> {
    const found = new Map<string, ConnectedAccount>();
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      const rows = await this.db
        .selectFrom(TABLE)
        .selectAll()
        .where('id', 'in', ids.slice(i, i + IDS_PER_STATEMENT))
        .execute();
      for (const row of rows) found.set(row.id, this.toDomain(row));
    }
    return found;
  }

  async compatibility(integrationId: string, ownerKey: string): Promise<ConnectedAccount | null> {
    return this.one(
      await this.db
        .selectFrom(TABLE)
        .selectAll()
        .where((eb) => eb.and({ integration_id: integrationId, owner_key: ownerKey, connection_role: 'compatibility' }))
        .executeTakeFirst(),
    );
  }

  /** Every connection of one owner shape for one integration, compatibility first. */
  forOwner(integrationId: string, ownerKey: string): Promise<ConnectedAccount[]> {
    return this.forOwnerAcross([integrationId], ownerKey, false);
  }

  /** One owner's connections across many integrations: the provider listings' single query. */
  async forOwnerAcross(integrationIds: readonly string[], ownerKey: string, compatibilityOnly: boolean): Promise<ConnectedAccount[]> {
    if (integrationIds.length === 0) return [];
    let q = this.db.selectFrom(TABLE).selectAll().where('integration_id', 'in', integrationIds).where('owner_key', '=', ownerKey);
    if (compatibilityOnly) q = q.where('connection_role', '=', 'compatibility');
    const rows = await q.orderBy('connection_role').orderBy('id').execute();
    return rows.map((r) => this.toDomain(r));
  }

  /** An integration's most recent connections, newest first. */
  async latest(integrationId: string, limit: number): Promise<ConnectedAccount[]> {
    const rows = await this.db
      .selectFrom(TABLE)
      .selectAll()
      .where('integration_id', '=', integrationId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => this.toDomain(r));
  }

  /**
   * One environment's connections matching `filter` (each given field equal), newest first, each
   * with its integration's slug; `before` pages on by id. One more than `limit` says there is more.
   */
  async search(environmentId: string, filter: AccountFilter, before: string | null, limit: number): Promise<AccountSearchPage> {
    let q = this.db
      .selectFrom('connected_accounts as a')
      .innerJoin('data_integrations as i', 'i.id', 'a.integration_id')
      .selectAll('a')
      .select('i.slug')
      .where('a.environment_id', '=', environmentId);
    if (filter.userId) q = q.where('a.user_id', '=', filter.userId);
    if (filter.organizationId) q = q.where('a.organization_id', '=', filter.organizationId);
    if (filter.slug) q = q.where('i.slug', '=', filter.slug);
    if (filter.state) q = q.where('a.state', '=', filter.state);
    if (before !== null) q = q.where('a.id', '<', before);
    const rows = await q
      .orderBy('a.id', 'desc')
      .limit(limit + 1)
      .execute();
    return {
      items: rows.slice(0, limit).map(({ slug, ...row }) => ({ account: this.toDomain(row), slug })),
      hasMore: rows.length > limit,
    };
  }

  /** How many connections each provider (slug) has in each state, across every environment. */
  async countByProviderAndState(): Promise<ProviderStateCount[]> {
    const rows = await this.db
      .selectFrom('connected_accounts as a')
      .innerJoin('data_integrations as i', 'i.id', 'a.integration_id')
      .select((eb) => ['i.slug', 'a.state', eb.fn.countAll<string | number>().as('n')])
      .groupBy(['i.slug', 'a.state'])
      .orderBy('i.slug')
      .execute();
    return rows.map((r) => ({ slug: r.slug, state: r.state, count: Number(r.n) }));
  }

  /** PostgreSQL only: the row, locked until the surrounding transaction ends. */
  async byIdForUpdate(id: string): Promise<ConnectedAccount | null> {
    return this.one(await this.db.selectFrom(TABLE).selectAll().where('id', '=', id).forUpdate().executeTakeFirst());
  }

  /** Takes the SQLite refresh lease if nobody holds it (or it lapsed); true when taken. */
  async takeRefreshLease(id: string, now: string, until: string): Promise<boolean> {
    const r = await this.db
      .updateTable(TABLE)
      .set({ refresh_lock_until: until })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('refresh_lock_until', 'is', null), eb('refresh_lock_until', '<', now)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async releaseRefreshLease(id: string): Promise<void> {
    await this.db.updateTable(TABLE).set({ refresh_lock_until: null }).where('id', '=', id).execute();
  }

  /**
   * Records that a refresh's outcome is unknown until `until` (ISO). Leaves `updated_at` alone:
   * nothing about the connection changed, and the renewal margin counts from it.
   */
  async markRefreshInDoubt(id: string, until: string): Promise<void> {
    await this.db.updateTable(TABLE).set({ refresh_in_doubt_until: until }).where('id', '=', id).execute();
  }

  /**
   * Records that these connections were used at `at` (ISO): one statement per IDS_PER_STATEMENT ids. A
   * time already later (another process flushed a newer use) is kept. Only `last_used_at` is
   * written: neither `updated_at` nor a listed column, so cached listings stay valid.
   */
  async recordUse(ids: readonly string[], at: string): Promise<void> {
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      await this.db
        .updateTable(TABLE)
        .set({ last_used_at: at })
        .where('id', 'in', ids.slice(i, i + IDS_PER_STATEMENT))
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
        .execute();
    }
  }

  /** The activity and health of these connections, by id, in one statement (the widgets' list; ids unknown are absent). */
  async activityOf(ids: readonly string[]): Promise<Map<string, AccountActivity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom(TABLE)
      .select(['id', 'last_refreshed_at', 'last_used_at', 'last_health_check_at', 'last_health_check_result'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map(({ id, ...activity }) => [id, activity]));
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom(TABLE).where('id', '=', id).execute();
  }

  private one(row: AccountRow | undefined): ConnectedAccount | null {
    return row ? this.toDomain(row) : null;
  }

  private columns(at: SealedAt, c: AccountChanges): AccountColumns {
    const s = this.sealer;
    const columns = encodeChanges<AccountChanges, AccountColumns>(c, {
      scopes: json,
      access_token: (v) => s.sealNullable(v, at, 'access_token'),
      refresh_token: (v) => s.sealNullable(v, at, 'refresh_token'),
      api_key: (v) => s.sealNullable(v, at, 'api_key'),
      client_secret: (v) => s.sealNullable(v, at, 'client_secret'),
      config: (config) => s.sealConfig(config, at),
      metadata: jsonOrNull,
    });
    // New tokens (a successful refresh, a re-authorization, an import) supersede a refresh whose
    // outcome was unknown: whatever it did at the provider, these are the tokens to use now.
    // Enforced here so that no writer of tokens can forget it.
    if (c.access_token !== undefined || c.refresh_token !== undefined) columns.refresh_in_doubt_until = null;
    return columns;
  }

  private toDomain(row: AccountRow): ConnectedAccount {
    const at = sealedAt(row);
    const s = this.sealer;
    return {
      id: row.id,
      environment_id: row.environment_id,
      integration_id: row.integration_id,
      owner_type: row.owner_type,
      user_id: row.user_id,
      organization_id: row.organization_id,
      owner_key: row.owner_key,
      connection_role: row.connection_role,
      auth_method: row.auth_method,
      state: row.state,
      scopes: readJson<string[]>(row.scopes),
      account_identifier: row.account_identifier,
      account_display_name: row.account_display_name,
      access_token: s.secret(row.access_token, at, 'access_token'),
      refresh_token: s.secret(row.refresh_token, at, 'refresh_token'),
      expires_at: row.expires_at,
      api_key: s.secret(row.api_key, at, 'api_key'),
      api_key_last4: row.api_key_last4,
      client_id: row.client_id,
      client_secret: s.secret(row.client_secret, at, 'client_secret'),
      client_secret_last4: row.client_secret_last4,
      config: s.config(row.config, at),
      metadata: readJsonOrNull<Record<string, unknown>>(row.metadata),
      refresh_in_doubt_until: row.refresh_in_doubt_until,
      last_refreshed_at: row.last_refreshed_at,
      last_used_at: row.last_used_at,
      last_health_check_at: row.last_health_check_at,
      last_health_check_result: row.last_health_check_result,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }
}

const sealedAt = (row: { id: string; environment_id: string }): SealedAt => ({
  environmentId: row.environment_id,
  table: TABLE,
  rowId: row.id,
});
