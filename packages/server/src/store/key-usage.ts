import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

/** A table holding sealed values, as key rotation walks it. */
interface SealedTableSpec {
  table: keyof Database;
  /** Sealed columns (`v1:<kid>:…` or null). */
  columns: readonly string[];
  /** Whether its JSON `config` column holds sealed values of secret fields (sealer.ts sealConfig). */
  config: boolean;
  /**
   * The columns that identify a row, in walking order, when not `id`; with `rowId`, the row part
   * of the associated data the values are bound to (the repository's sealedAt).
   */
  key?: readonly string[];
  /** Short-lived rows (flows, stored idempotent answers): they expire, so they do not hold up start-up. */
  transient?: true;
}

/** Every place a sealed value lives: the one list start-up, `keys status` and `keys reencrypt` use. */
export const SEALED_TABLES = [
  { table: 'data_integrations', columns: ['client_secret'], config: true },
  { table: 'org_configurations', columns: ['client_secret'], config: true },
  { table: 'connected_accounts', columns: ['access_token', 'refresh_token', 'api_key', 'client_secret'], config: true },
  { table: 'webhook_endpoints', columns: ['secret'], config: false },
  { table: 'flows', columns: ['code_verifier'], config: true, transient: true },
  // idempotency-repo.ts binds an answer to `route|key` in its environment.
  { table: 'idempotency_keys', columns: ['response'], config: false, transient: true, key: ['environment_id', 'route', 'idempotency_key'] },
] as const satisfies readonly SealedTableSpec[];

export type SealedTable = (typeof SEALED_TABLES)[number];

type Durable = Exclude<SealedTable, { transient: true }>;
type ColumnsOf<T> = T extends { table: infer N; columns: readonly (infer C)[] } ? readonly [N, C] : never;

/** Every sealed column of the long-lived tables, as `[table, column]`. */
export const SEALED_COLUMNS = SEALED_TABLES.filter((t) => !('transient' in t)).flatMap((t) =>
  t.columns.map((c) => [t.table, c] as const),
) as unknown as readonly ColumnsOf<Durable>[];

/** The columns that identify a row of `t`, in walking order. */
export const keyColumnsOf = (t: SealedTable): readonly string[] => ('key' in t ? t.key : ['id']);

/** The row part of the associated data of `t`'s values (see the repositories' sealedAt). */
export const rowIdOf = (t: SealedTable, row: Record<string, unknown>): string =>
  t.table === 'idempotency_keys' ? `${String(row.route)}|${String(row.idempotency_key)}` : String(row.id);

/** How many sealed values of one table use one key id. */
export interface KeyUsage {
  table: string;
  kid: string;
  values: number;
}

const SEALED_CONFIG_VALUE = /"v1:([A-Za-z0-9_-]{1,32}):/g;

/** Sealed values per key id per table, counted without opening any. */
export async function keyUsage(
  db: Kysely<Database>,
  dialect: Dialect,
  tables: readonly SealedTable[] = SEALED_TABLES,
): Promise<KeyUsage[]> {
  const counts = new Map<string, KeyUsage>();
  const add = (table: string, kid: string, n: number) => {
    const k = `${table}\u0000${kid}`;
    const entry = counts.get(k) ?? { table, kid, values: 0 };
    entry.values += n;
    counts.set(k, entry);
  };
  for (const t of tables) {
    for (const column of t.columns) {
      const kidExpr =
        dialect === 'postgres'
          ? sql<string>`split_part(${sql.ref(column)}, ':', 2)`
          : sql<string>`substr(${sql.ref(column)}, 4, instr(substr(${sql.ref(column)}, 4), ':') - 1)`;
      const { rows } = await sql<{ kid: string; n: number | string }>`
        select ${kidExpr} as kid, count(*) as n from ${sql.table(t.table)}
        where ${sql.ref(column)} is not null group by 1`.execute(db);
      for (const r of rows) add(t.table, String(r.kid), Number(r.n));
    }
    if (t.config) {
      const { rows } = await sql<{ config: string }>`
        select config from ${sql.table(t.table)} where config like ${'%"v1:%'}`.execute(db);
      for (const r of rows) for (const m of String(r.config).matchAll(SEALED_CONFIG_VALUE)) add(t.table, m[1]!, 1);
    }
  }
  return [...counts.values()];
}

/**
 * The key ids the long-lived stored ciphertexts reference, so start-up can refuse to run with a
 * keyring that cannot open them (docs/security.md §14) instead of failing requests later.
 */
export async function referencedKeyIds(db: Kysely<Database>, dialect: Dialect): Promise<Set<string>> {
  const durable = SEALED_TABLES.filter((t) => !('transient' in t));
  return new Set((await keyUsage(db, dialect, durable)).map((u) => u.kid));
}
