import type { Kysely, Selectable } from 'kysely';
import type { CustomProvidersTable, DataIntegrationsTable, Database, OrgConfigurationsTable } from './schema.ts';

export type IntegrationRow = Selectable<DataIntegrationsTable>;
export type CustomProviderRow = Selectable<CustomProvidersTable>;
export type OrgConfigurationRow = Selectable<OrgConfigurationsTable>;
export type Ownership = IntegrationRow['ownership'];

export interface PageQuery {
  limit: number;
  order: 'asc' | 'desc';
  after: string | null;
  before: string | null;
  ownership: Ownership | null;
}

export class IntegrationsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: IntegrationRow): Promise<unknown> {
    return this.db.insertInto('data_integrations').values(row).execute();
  }

  async bySlug(environmentId: string, slug: string, ownership: Ownership): Promise<IntegrationRow | null> {
    return (
      (await this.db
        .selectFrom('data_integrations')
        .selectAll()
        .where('environment_id', '=', environmentId)
        .where('slug', '=', slug)
        .where('ownership', '=', ownership)
        .executeTakeFirst()) ?? null
    );
  }

  async byId(id: string): Promise<IntegrationRow | null> {
    return (await this.db.selectFrom('data_integrations').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async byRedirectKey(redirectKey: string): Promise<IntegrationRow | null> {
    return (await this.db.selectFrom('data_integrations').selectAll().where('redirect_key', '=', redirectKey).executeTakeFirst()) ?? null;
  }

  /** Every root of a slug (at most one per ownership). */
  allBySlug(environmentId: string, slug: string): Promise<IntegrationRow[]> {
    return this.db.selectFrom('data_integrations').selectAll().where('environment_id', '=', environmentId).where('slug', '=', slug).execute();
  }

  /** All integrations of an environment, optionally of one ownership: the listings' one query. */
  listAll(environmentId: string, ownership?: Ownership): Promise<IntegrationRow[]> {
    let q = this.db.selectFrom('data_integrations').selectAll().where('environment_id', '=', environmentId);
    if (ownership) q = q.where('ownership', '=', ownership);
    return q.orderBy('slug').orderBy('id').execute();
  }

  /**
   * Keyset page by id. Ids are monotonic ULIDs minted at creation, so id order is creation order
   * and a cursor needs no second lookup. Fetches one extra row to know whether more follow.
   */
  async page(environmentId: string, q: PageQuery): Promise<{ rows: IntegrationRow[]; hasMore: boolean; hasPrevious: boolean }> {
    // `before` walks backwards: query in the opposite direction, then flip the page back.
    const backwards = q.before !== null && q.after === null;
    const direction = (q.order === 'asc') !== backwards ? 'asc' : 'desc';
    let sel = this.db.selectFrom('data_integrations').selectAll().where('environment_id', '=', environmentId);
    if (q.ownership) sel = sel.where('ownership', '=', q.ownership);
    const afterOp = q.order === 'asc' ? '>' : '<';
    const beforeOp = q.order === 'asc' ? '<' : '>';
    if (q.after !== null) sel = sel.where('id', afterOp, q.after);
    if (q.before !== null) sel = sel.where('id', beforeOp, q.before);
    const rows = await sel.orderBy('id', direction).limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    if (backwards) {
      page.reverse();
      return { rows: page, hasMore: true, hasPrevious: more };
    }
    return { rows: page, hasMore: more, hasPrevious: q.after !== null };
  }

  async update(id: string, patch: Partial<Omit<IntegrationRow, 'id' | 'environment_id'>>): Promise<void> {
    await this.db.updateTable('data_integrations').set(patch).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('connected_accounts').where('integration_id', '=', id).execute();
    await this.db.deleteFrom('data_integrations').where('id', '=', id).execute();
  }

  async countByCustomProvider(customProviderId: string): Promise<number> {
    const r = await this.db
      .selectFrom('data_integrations')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('custom_provider_id', '=', customProviderId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

export class CustomProvidersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: CustomProviderRow): Promise<unknown> {
    return this.db.insertInto('custom_providers').values(row).execute();
  }

  async bySlug(environmentId: string, slug: string): Promise<CustomProviderRow | null> {
    return (
      (await this.db.selectFrom('custom_providers').selectAll().where('environment_id', '=', environmentId).where('slug', '=', slug).executeTakeFirst()) ??
      null
    );
  }

  listAll(environmentId: string): Promise<CustomProviderRow[]> {
    return this.db.selectFrom('custom_providers').selectAll().where('environment_id', '=', environmentId).execute();
  }

  async update(id: string, definition: string, updatedAt: string): Promise<void> {
    await this.db.updateTable('custom_providers').set({ definition, updated_at: updatedAt }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('custom_providers').where('id', '=', id).execute();
  }
}

export class OrgConfigurationsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async get(environmentId: string, organizationId: string, slug: string): Promise<OrgConfigurationRow | null> {
    return (
      (await this.db
        .selectFrom('org_configurations')
        .selectAll()
        .where('environment_id', '=', environmentId)
        .where('organization_id', '=', organizationId)
        .where('slug', '=', slug)
        .executeTakeFirst()) ?? null
    );
  }

  listForOrganization(environmentId: string, organizationId: string): Promise<OrgConfigurationRow[]> {
    return this.db
      .selectFrom('org_configurations')
      .selectAll()
      .where('environment_id', '=', environmentId)
      .where('organization_id', '=', organizationId)
      .execute();
  }

  insert(row: OrgConfigurationRow): Promise<unknown> {
    return this.db.insertInto('org_configurations').values(row).execute();
  }

  async update(id: string, patch: Partial<Omit<OrgConfigurationRow, 'id' | 'environment_id'>>): Promise<void> {
    await this.db.updateTable('org_configurations').set(patch).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('org_configurations').where('id', '=', id).execute();
  }

  async deleteForSlug(environmentId: string, slug: string): Promise<void> {
    await this.db.deleteFrom('org_configurations').where('environment_id', '=', environmentId).where('slug', '=', slug).execute();
  }
}
