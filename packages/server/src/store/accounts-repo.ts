import type { Kysely, Selectable } from 'kysely';
import type { ConnectedAccountsTable, Database } from './schema.ts';

export type AccountRow = Selectable<ConnectedAccountsTable>;


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
