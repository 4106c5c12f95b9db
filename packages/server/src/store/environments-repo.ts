import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database, EnvironmentsTable } from './schema.ts';

export type EnvironmentRow = Selectable<EnvironmentsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;

export class EnvironmentsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: EnvironmentRow): Promise<unknown> {
    return this.db.insertInto('environments').values(row).execute();
  }

  async byName(name: string): Promise<EnvironmentRow | null> {
    return (await this.db.selectFrom('environments').selectAll().where('name', '=', name).executeTakeFirst()) ?? null;
  }

  async byId(id: string): Promise<EnvironmentRow | null> {
    return (await this.db.selectFrom('environments').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  list(): Promise<EnvironmentRow[]> {
    return this.db.selectFrom('environments').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  async update(id: string, patch: Partial<Omit<EnvironmentRow, 'id'>>): Promise<void> {
    await this.db.updateTable('environments').set(patch).where('id', '=', id).execute();
  }
}

export class ApiKeysRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: ApiKeyRow): Promise<unknown> {
    return this.db.insertInto('api_keys').values(row).execute();
  }

  async byDigest(digest: string): Promise<ApiKeyRow | null> {
    return (await this.db.selectFrom('api_keys').selectAll().where('digest', '=', digest).executeTakeFirst()) ?? null;
  }

  list(environmentId?: string): Promise<ApiKeyRow[]> {
    let q = this.db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id');
    if (environmentId) q = q.where('environment_id', '=', environmentId);
    return q.execute();
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
