import type { Kysely, Selectable } from 'kysely';
import type { ConnectedAccountsTable, Database } from './schema.ts';

export type AccountRow = Selectable<ConnectedAccountsTable>;

export interface VendQuery {
  environmentId: string;
  slug: string;
  ownership: 'user' | 'organization';
  ownerKey: string;
  organizationId: string | null;
  accountId: string | null;
  plural: boolean;
}

/** An account's columns (all null when there is none) plus what vending needs of its integration. */
export type VendRow = { [K in keyof AccountRow]: AccountRow[K] | null } & {
  di_id: string;
  di_auth_method: AccountRow['auth_method'];
  di_scopes: string | null;
  di_config: string;
  di_custom_provider_id: string | null;
  oc_scopes: string | null;
};

export class AccountsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: AccountRow): Promise<unknown> {
    return this.db.insertInto('connected_accounts').values(row).execute();
  }

  async byId(integrationId: string, id: string): Promise<AccountRow | null> {
    return (
      (await this.db.selectFrom('connected_accounts').selectAll().where('integration_id', '=', integrationId).where('id', '=', id).executeTakeFirst()) ?? null
    );
  }

  async byIdOnly(id: string): Promise<AccountRow | null> {
    return (await this.db.selectFrom('connected_accounts').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /**
   * The vend path's single read: the integration (by environment, slug, ownership), the selected
   * connection(s) of the owner and the organization's scope override, in one indexed statement.
   * No row: no integration. A row with a null `id`: no connection.
   */
  vendLookup(q: VendQuery): Promise<VendRow[]> {
    return this.db
      .selectFrom('data_integrations as di')
      .leftJoin('connected_accounts as ca', (join) => {
        let on = join.onRef('ca.integration_id', '=', 'di.id').on('ca.owner_key', '=', q.ownerKey);
        if (q.accountId !== null) on = on.on('ca.id', '=', q.accountId);
        else if (!q.plural) on = on.on('ca.connection_role', '=', 'compatibility');
        return on;
      })
      .leftJoin('org_configurations as oc', (join) =>
        join.onRef('oc.environment_id', '=', 'di.environment_id').onRef('oc.slug', '=', 'di.slug').on('oc.organization_id', '=', q.organizationId ?? ''),
      )
      .selectAll('ca')
      .select(['di.id as di_id', 'di.auth_method as di_auth_method', 'di.scopes as di_scopes', 'di.config as di_config', 'di.custom_provider_id as di_custom_provider_id', 'oc.scopes as oc_scopes'])
      .where('di.environment_id', '=', q.environmentId)
      .where('di.slug', '=', q.slug)
      .where('di.ownership', '=', q.ownership)
      .limit(2)
      .execute() as Promise<VendRow[]>;
  }

  async compatibility(integrationId: string, ownerKey: string): Promise<AccountRow | null> {
    return (
      (await this.db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('integration_id', '=', integrationId)
        .where('owner_key', '=', ownerKey)
        .where('connection_role', '=', 'compatibility')
        .executeTakeFirst()) ?? null
    );
  }

  /** Every connection of one owner shape for one integration, compatibility first. */
  forOwner(integrationId: string, ownerKey: string): Promise<AccountRow[]> {
    return this.db
      .selectFrom('connected_accounts')
      .selectAll()
      .where('integration_id', '=', integrationId)
      .where('owner_key', '=', ownerKey)
      .orderBy('connection_role')
      .orderBy('id')
      .execute();
  }

  /** One owner's connections across many integrations: the provider listings' single query. */
  forOwnerAcross(integrationIds: readonly string[], ownerKey: string, compatibilityOnly: boolean): Promise<AccountRow[]> {
    if (integrationIds.length === 0) return Promise.resolve([]);
    let q = this.db
      .selectFrom('connected_accounts')
      .selectAll()
      .where('integration_id', 'in', integrationIds)
      .where('owner_key', '=', ownerKey);
    if (compatibilityOnly) q = q.where('connection_role', '=', 'compatibility');
    return q.orderBy('connection_role').orderBy('id').execute();
  }

  async update(id: string, patch: Partial<Omit<AccountRow, 'id' | 'environment_id' | 'integration_id'>>): Promise<void> {
    await this.db.updateTable('connected_accounts').set(patch).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('connected_accounts').where('id', '=', id).execute();
  }
}
