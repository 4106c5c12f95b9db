import { type Kysely, type RawBuilder, sql } from 'kysely';
import { keyColumnsOf, rowIdOf, SEALED_TABLES, type SealedTable } from './key-usage.ts';
import type { Database } from './schema.ts';
import type { Sealer } from './sealer.ts';

/** What one batch of `keys reencrypt` did. */
export interface BatchResult {
  /** Rows read (0: the table is done for this primary key). */
  rows: number;
  /** Rows whose values were sealed again under the primary key. */
  resealed: number;
  /** Values that look sealed but do not open with the keyring; left as they are. */
  unreadable: number;
  /** Rows the service changed under the batch three times running; left to the next run. */
  conflicts: number;
}

/** What a whole run did; `complete` is false when it stopped at `maxBatches` (the next run continues). */
export interface RunResult extends BatchResult {
  complete: boolean;
}

/** Where a run is: rows walked of the table's rows. */
export interface Progress {
  table: string;
  done: number;
  total: number;
}

type Row = Record<string, string | null>;

const ATTEMPTS = 3;

/**
 * Re-seals stored values under the primary key, one batch of rows per transaction, while the
 * service keeps serving (docs/security.md §14). Every row is written with an optimistic check (the
 * update matches only while each rewritten column still holds the ciphertext that was read), so a
 * value the service wrote meanwhile is never replaced by a stale one; the row is then read again.
 * The position (the last row's key, per table and primary key) is saved in the same transaction,
 * so a run that stops loses nothing and the next run continues after it.
 */
export class Reencryptor {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  /** Every sealed table, batch after batch, continuing from saved positions. */
  async run(opts: { batchSize: number; maxBatches?: number }, onProgress: (p: Progress) => void): Promise<RunResult> {
    const sum: RunResult = { rows: 0, resealed: 0, unreadable: 0, conflicts: 0, complete: true };
    let batches = 0;
    for (const t of SEALED_TABLES) {
      const total = await this.rowCount(t);
      let done = await this.rowsDone(t);
      onProgress({ table: t.table, done, total });
      for (;;) {
        if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return { ...sum, complete: false };
        const r = await this.batch(t, opts.batchSize);
        batches++;
        sum.rows += r.rows;
        sum.resealed += r.resealed;
        sum.unreadable += r.unreadable;
        sum.conflicts += r.conflicts;
        done += r.rows;
        // Rows the service added meanwhile can take `done` past the count made at the start.
        onProgress({ table: t.table, done, total: Math.max(total, done) });
        if (r.rows < opts.batchSize) break;
      }
    }
    await this.finish();
    return sum;
  }

  /** Rows of `t` in all (for a progress bar). */
  private async rowCount(t: SealedTable): Promise<number> {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t.table)}`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  /** Rows of `t` before the saved position (already walked by an earlier, unfinished run). */
  private async rowsDone(t: SealedTable): Promise<number> {
    const after = await this.position(this.db, t);
    if (!after) return 0;
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(t.table)} where ${tupleOf(keyColumnsOf(t))} <= ${tupleOf(after, true)}`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  async batch(t: SealedTable, limit: number): Promise<BatchResult> {
    return this.db.transaction().execute(async (trx) => {
      const keys = keyColumnsOf(t);
      const after = await this.position(trx, t);
      const { rows } = await sql<Row>`
        select * from ${sql.table(t.table)}
        ${after ? sql`where ${tupleOf(keys)} > ${tupleOf(after, true)}` : sql``}
        order by ${sql.join(keys.map((k) => sql.ref(k)))} limit ${limit}`.execute(trx);
      const result: BatchResult = { rows: rows.length, resealed: 0, unreadable: 0, conflicts: 0 };
      for (const row of rows) await this.resealRow(trx, t, row, result);
      const last = rows[rows.length - 1];
      if (last) {
        const progress = {
          table_name: t.table,
          primary_kid: this.sealer.primaryKid,
          position: JSON.stringify(keys.map((k) => last[k])),
          updated_at: new Date().toISOString(),
        };
        await trx
          .insertInto('key_rotation_progress')
          .values(progress)
          .onConflict((oc) =>
            oc
              .column('table_name')
              .doUpdateSet({ primary_kid: progress.primary_kid, position: progress.position, updated_at: progress.updated_at }),
          )
          .execute();
      }
      return result;
    });
  }

  /** A finished run forgets its positions: the next run walks every table again. */
  async finish(): Promise<void> {
    await this.db.deleteFrom('key_rotation_progress').execute();
  }

  private async position(db: Kysely<Database>, t: SealedTable): Promise<unknown[] | null> {
    const saved = await db.selectFrom('key_rotation_progress').selectAll().where('table_name', '=', t.table).executeTakeFirst();
    // A position saved for another primary key is stale: that key's run is over.
    return saved && saved.primary_kid === this.sealer.primaryKid ? (JSON.parse(saved.position) as unknown[]) : null;
  }

  /** Protected so a test can change the row between the read and the write. */
  protected async resealRow(trx: Kysely<Database>, t: SealedTable, first: Row, result: BatchResult): Promise<void> {
    let row: Row | undefined = first;
    for (let attempt = 0; row && attempt < ATTEMPTS; attempt++) {
      const { changes, unreadable } = this.resealed(t, row);
      const columns = Object.keys(changes);
      if (columns.length === 0) {
        result.unreadable += unreadable;
        return;
      }
      const keyMatch = keyColumnsOf(t).map((k) => sql`${sql.ref(k)} = ${row![k]}`);
      // The optimistic check: each rewritten column must still hold what was read.
      const unchanged = columns.map((c) => sql`${sql.ref(c)} = ${row![c]}`);
      const sets = columns.map((c) => sql`${sql.ref(c)} = ${changes[c]}`);
      const updated =
        await sql`update ${sql.table(t.table)} set ${sql.join(sets)} where ${sql.join([...keyMatch, ...unchanged], sql` and `)}`.execute(
          trx,
        );
      if (Number(updated.numAffectedRows ?? 0) > 0) {
        result.resealed++;
        result.unreadable += unreadable;
        return;
      }
      // The service changed the row since it was read: read it again (it may be gone).
      const again = await sql<Row>`select * from ${sql.table(t.table)} where ${sql.join(keyMatch, sql` and `)}`.execute(trx);
      row = again.rows[0];
    }
    if (row) result.conflicts++;
  }

  /** The row's columns that change, each sealed again under the primary key. */
  private resealed(t: SealedTable, row: Row): { changes: Record<string, string>; unreadable: number } {
    const at = { environmentId: String(row.environment_id), table: t.table, rowId: rowIdOf(t, row) };
    const changes: Record<string, string> = {};
    let unreadable = 0;
    for (const column of t.columns) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      try {
        const next = this.sealer.reseal(value, at, column);
        if (next !== null) changes[column] = next;
      } catch {
        unreadable++;
      }
    }
    if (t.config && row.config) {
      const r = this.sealer.resealConfig(row.config, at);
      if (r.config !== null) changes.config = r.config;
      unreadable += r.unreadable;
    }
    return { changes, unreadable };
  }
}

/** `(a, b, c)` of columns, or of values. */
const tupleOf = (items: readonly unknown[], values = false): RawBuilder<unknown> =>
  sql`(${sql.join(items.map((i) => (values ? sql`${i}` : sql.ref(String(i)))))})`;
