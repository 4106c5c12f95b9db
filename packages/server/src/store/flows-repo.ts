import type { Kysely, Selectable } from 'kysely';
import type { Flow, FlowChanges, FlowStatus, NewFlow } from '../domain/flow.ts';
import type { Sealer, SealedAt } from './sealer.ts';
import type { Database, FlowsTable } from './schema.ts';
import { json, readJson } from './encoding.ts';

type FlowRow = Selectable<FlowsTable>;

const TABLE = 'flows';

/** Authorization flows: the PKCE verifier and secret config values sealed here. */
export class FlowsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  async insert(flow: NewFlow): Promise<void> {
    const { owner, config, ...rest } = flow;
    await this.db
      .insertInto(TABLE)
      .values({
        ...rest,
        owner_type: owner.type,
        user_id: owner.userId,
        organization_id: owner.organizationId,
        owner_key: owner.key,
        state_hash: null,
        browser_hash: null,
        handoff_hash: flow.handoff_hash ?? null,
        code_verifier: null,
        config: this.sealer.sealConfig(config, sealedAt(flow)),
        scopes: json(flow.scopes),
        updated_at: flow.created_at,
      })
      .execute();
  }

  async byLinkHash(linkHash: string): Promise<Flow | null> {
    const row = await this.db.selectFrom(TABLE).selectAll().where('link_hash', '=', linkHash).executeTakeFirst();
    return row ? this.toDomain(row) : null;
  }

  async byStateHash(stateHash: string): Promise<Flow | null> {
    const row = await this.db.selectFrom(TABLE).selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
    return row ? this.toDomain(row) : null;
  }

  /**
   * Moves a flow from one status to the next only if it is still in `from` and not expired: the
   * single-use guarantee (two racing requests cannot both win).
   */
  async transition(flow: Pick<Flow, 'id' | 'environment_id'>, from: FlowStatus, now: string, changes: FlowChanges): Promise<boolean> {
    const { code_verifier, ...plain } = changes;
    const r = await this.db
      .updateTable(TABLE)
      .set({
        ...plain,
        ...(code_verifier !== undefined ? { code_verifier: this.sealer.sealNullable(code_verifier, sealedAt(flow), 'code_verifier') } : {}),
        updated_at: now,
      })
      .where('id', '=', flow.id)
      .where('status', '=', from)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async finish(id: string, status: 'completed' | 'failed', now: string): Promise<void> {
    await this.db.updateTable(TABLE).set({ status, code_verifier: null, updated_at: now }).where('id', '=', id).execute();
  }

  async purgeBefore(expiresAt: string): Promise<void> {
    await this.db.deleteFrom(TABLE).where('expires_at', '<', expiresAt).execute();
  }

  private toDomain(row: FlowRow): Flow {
    const at = sealedAt(row);
    const { owner_type, user_id, organization_id, owner_key, ...rest } = row;
    return {
      ...rest,
      owner: { type: owner_type, userId: user_id, organizationId: organization_id, key: owner_key },
      code_verifier: this.sealer.secret(row.code_verifier, at, 'code_verifier'),
      config: this.sealer.config(row.config, at),
      scopes: readJson<string[]>(row.scopes),
    };
  }
}

const sealedAt = (row: { id: string; environment_id: string }): SealedAt => ({
  environmentId: row.environment_id,
  table: TABLE,
  rowId: row.id,
});
