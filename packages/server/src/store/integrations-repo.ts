import type { Kysely, Selectable } from 'kysely';
import type { Integration, IntegrationChanges, NewIntegration, Ownership } from '../domain/integration.ts';
import { StoredConfig } from '../domain/stored-config.ts';
import { encodeChanges } from './encoding.ts';
import { decodeSettings, settingsEncoders } from './settings-codec.ts';
import type { Sealer, SealedAt } from './sealer.ts';
import { updateById } from './update-by-id.ts';
import type { DataIntegrationsTable, Database } from './schema.ts';

type IntegrationRow = Selectable<DataIntegrationsTable>;
type IntegrationColumns = Partial<Omit<IntegrationRow, 'id' | 'environment_id'>>;

const TABLE = 'data_integrations';

/** What a new integration stores for everything its first write leaves out. */
const BLANK = {
  description: null,
  enabled: 0,
  scopes: null,
  config: '{}',
  credentials_type: null,
  client_id: null,
  client_secret: null,
  client_secret_last4: null,
  token_lifetime_seconds: null,
} as const;

export interface PageQuery {
  limit: number;
  order: 'asc' | 'desc';
  after: string | null;
  before: string | null;
  ownership: Ownership | null;
}

/** Data integrations: rows in, domain integrations out; the client secret sealed here. */
export class IntegrationsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  /** Creates an integration; returns it as stored. */
  async insert(integration: NewIntegration): Promise<Integration> {
    const { id, environment_id, slug, ownership, auth_method, redirect_key, custom_provider_id, created_at, updated_at } = integration;
    const identity = { id, environment_id, slug, ownership, auth_method, redirect_key, custom_provider_id, created_at, updated_at };
    const row: IntegrationRow = { ...BLANK, ...identity, ...this.columns(sealedAt(integration), integration) };
    await this.db.insertInto(TABLE).values(row).execute();
    return this.toDomain(row);
  }

  /** Applies `changes`; returns the integration as stored afterwards. */
  async update(integration: Pick<Integration, 'id' | 'environment_id'>, changes: IntegrationChanges): Promise<Integration> {
    return this.toDomain(await updateById(this.db, TABLE, integration.id, this.columns(sealedAt(integration), changes)));
  }

  async bySlug(environmentId: string, slug: string, ownership: Ownership): Promise<Integration | null> {
    return this.one(
      await this.db
        .selectFrom(TABLE)
        .selectAll()
        .where((eb) => eb.and({ environment_id: environmentId, slug, ownership }))
        .executeTakeFirst(),
    );
  }

  async byId(id: string): Promise<Integration | null> {
    return this.one(await this.db.selectFrom(TABLE).selectAll().where('id', '=', id).executeTakeFirst());
  }

  async byRedirectKey(redirectKey: string): Promise<Integration | null> {
    return this.one(await this.db.selectFrom(TABLE).selectAll().where('redirect_key', '=', redirectKey).executeTakeFirst());
  }

  /** Every root of a slug (at most one per ownership). */
  async allBySlug(environmentId: string, slug: string): Promise<Integration[]> {
    const rows = await this.db.selectFrom(TABLE).selectAll().where('environment_id', '=', environmentId).where('slug', '=', slug).execute();
    return rows.map((r) => this.toDomain(r));
  }

  /** All integrations of an environment, optionally of one ownership: the listings' one query. */
  async listAll(environmentId: string, ownership?: Ownership): Promise<Integration[]> {
    let q = this.db.selectFrom(TABLE).selectAll().where('environment_id', '=', environmentId);
    if (ownership) q = q.where('ownership', '=', ownership);
    const rows = await q.orderBy('slug').orderBy('id').execute();
    return rows.map((r) => this.toDomain(r));
  }

  /**
   * Keyset page by id. Ids are monotonic ULIDs minted at creation, so id order is creation order
   * and a cursor needs no second lookup. Fetches one extra row to know whether more follow.
   */
  async page(environmentId: string, q: PageQuery): Promise<{ rows: Integration[]; hasMore: boolean; hasPrevious: boolean }> {
    // `before` walks backwards: query in the opposite direction, then flip the page back.
    const backwards = q.before !== null && q.after === null;
    const direction = (q.order === 'asc') !== backwards ? 'asc' : 'desc';
    let sel = this.db.selectFrom(TABLE).selectAll().where('environment_id', '=', environmentId);
    if (q.ownership) sel = sel.where('ownership', '=', q.ownership);
    if (q.after !== null) sel = sel.where('id', q.order === 'asc' ? '>' : '<', q.after);
    if (q.before !== null) sel = sel.where('id', q.order === 'asc' ? '<' : '>', q.before);
    const rows = await sel
      .orderBy('id', direction)
      .limit(q.limit + 1)
      .execute();
    const more = rows.length > q.limit;
    const page = rows.slice(0, q.limit).map((r) => this.toDomain(r));
    if (backwards) return { rows: page.reverse(), hasMore: true, hasPrevious: more };
    return { rows: page, hasMore: more, hasPrevious: q.after !== null };
  }

  /** Removes an integration together with its connected accounts. */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('connected_accounts').where('integration_id', '=', id).execute();
    await this.db.deleteFrom(TABLE).where('id', '=', id).execute();
  }

  async countByCustomProvider(customProviderId: string): Promise<number> {
    const r = await this.db
      .selectFrom(TABLE)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('custom_provider_id', '=', customProviderId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private one(row: IntegrationRow | undefined): Integration | null {
    return row ? this.toDomain(row) : null;
  }

  private columns(at: SealedAt, c: IntegrationChanges): IntegrationColumns {
    return encodeChanges<IntegrationChanges, IntegrationColumns>(c, settingsEncoders(this.sealer, at));
  }

  private toDomain(row: IntegrationRow): Integration {
    const settings = decodeSettings(this.sealer, sealedAt(row), row);
    // An integration's own settings are never null (only an override's parts may be).
    return { ...row, ...settings, enabled: settings.enabled === true, config: settings.config ?? StoredConfig.EMPTY };
  }
}

const sealedAt = (row: { id: string; environment_id: string }): SealedAt => ({
  environmentId: row.environment_id,
  table: TABLE,
  rowId: row.id,
});
