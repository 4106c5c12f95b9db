import type { Kysely, Selectable } from 'kysely';
import type { CustomProviderRecord } from '../domain/custom-provider-record.ts';
import type { CustomProvidersTable, Database } from './schema.ts';
import { json, readJson } from './encoding.ts';

const TABLE = 'custom_providers';

const toDomain = (row: Selectable<CustomProvidersTable>): CustomProviderRecord => ({
  ...row,
  definition: readJson<Record<string, unknown>>(row.definition),
});

/** An environment's custom provider definitions, stored as JSON documents. */
export class CustomProvidersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: CustomProviderRecord): Promise<void> {
    await this.db
      .insertInto(TABLE)
      .values({ ...record, definition: json(record.definition) })
      .execute();
  }

  async bySlug(environmentId: string, slug: string): Promise<CustomProviderRecord | null> {
    const row = await this.db
      .selectFrom(TABLE)
      .selectAll()
      .where((eb) => eb.and({ environment_id: environmentId, slug }))
      .executeTakeFirst();
    return row ? toDomain(row) : null;
  }

  async listAll(environmentId: string): Promise<CustomProviderRecord[]> {
    return (await this.db.selectFrom(TABLE).selectAll().where('environment_id', '=', environmentId).execute()).map(toDomain);
  }

  async update(id: string, definition: Record<string, unknown>, updatedAt: string): Promise<void> {
    await this.db
      .updateTable(TABLE)
      .set({ definition: json(definition), updated_at: updatedAt })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom(TABLE).where('id', '=', id).execute();
  }
}
