import type { Kysely, Selectable } from 'kysely';
import type { Environment } from '../domain/environment.ts';
import type { Database, EnvironmentsTable } from './schema.ts';
import { encodeChanges, flag, json, readFlag, readJson } from './encoding.ts';

const TABLE = 'environments';

type EnvironmentChanges = Partial<Pick<Environment, 'allowed_return_origins' | 'confirmation_screen'>> & { updated_at: string };

const toDomain = (row: Selectable<EnvironmentsTable>): Environment => ({
  ...row,
  production: readFlag(row.production),
  allowed_return_origins: readJson<string[]>(row.allowed_return_origins),
  confirmation_screen: readFlag(row.confirmation_screen),
});

/** Environments (tenant boundaries): booleans and the origin list encoded here. */
export class EnvironmentsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(env: Environment): Promise<void> {
    await this.db
      .insertInto(TABLE)
      .values({
        ...env,
        production: flag(env.production),
        allowed_return_origins: json(env.allowed_return_origins),
        confirmation_screen: flag(env.confirmation_screen),
      })
      .execute();
  }

  async byName(name: string): Promise<Environment | null> {
    const row = await this.db.selectFrom(TABLE).selectAll().where('name', '=', name).executeTakeFirst();
    return row ? toDomain(row) : null;
  }

  async byId(id: string): Promise<Environment | null> {
    const row = await this.db.selectFrom(TABLE).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : null;
  }

  async list(): Promise<Environment[]> {
    return (await this.db.selectFrom(TABLE).selectAll().orderBy('created_at').orderBy('id').execute()).map(toDomain);
  }

  async update(id: string, c: EnvironmentChanges): Promise<void> {
    const set = encodeChanges<EnvironmentChanges, Partial<Selectable<EnvironmentsTable>>>(c, {
      allowed_return_origins: json,
      confirmation_screen: flag,
    });
    await this.db.updateTable(TABLE).set(set).where('id', '=', id).execute();
  }
}
