import type { Kysely, Selectable } from 'kysely';
import type { Database, FlowsTable } from './schema.ts';

export type FlowRow = Selectable<FlowsTable>;

export class FlowsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: FlowRow): Promise<unknown> {
    return this.db.insertInto('flows').values(row).execute();
  }

  async byLinkHash(linkHash: string): Promise<FlowRow | null> {
    return (await this.db.selectFrom('flows').selectAll().where('link_hash', '=', linkHash).executeTakeFirst()) ?? null;
  }

  async byStateHash(stateHash: string): Promise<FlowRow | null> {
    return (await this.db.selectFrom('flows').selectAll().where('state_hash', '=', stateHash).executeTakeFirst()) ?? null;
  }

  /**
   * Moves a flow from one status to the next only if it is still in `from` and not expired: the
   * single-use guarantee (two racing requests cannot both win).
   */
  async transition(id: string, from: FlowRow['status'], now: string, patch: Partial<Omit<FlowRow, 'id'>>): Promise<boolean> {
    const r = await this.db
      .updateTable('flows')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', from)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async finish(id: string, status: 'completed' | 'failed', now: string): Promise<void> {
    await this.db.updateTable('flows').set({ status, code_verifier: null, updated_at: now }).where('id', '=', id).execute();
  }

  async purgeBefore(expiresAt: string): Promise<void> {
    await this.db.deleteFrom('flows').where('expires_at', '<', expiresAt).execute();
  }
}
