import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

/** Every sealed column, as `table.column`. */
export const SEALED_COLUMNS = [
  ['data_integrations', 'client_secret'],
  ['org_configurations', 'client_secret'],
  ['connected_accounts', 'access_token'],
  ['connected_accounts', 'refresh_token'],
  ['connected_accounts', 'api_key'],
  ['connected_accounts', 'client_secret'],
  ['webhook_endpoints', 'secret'],
] as const;

/** Config columns whose secret values are sealed inside the JSON. */
const SEALED_CONFIG_TABLES = ['data_integrations', 'org_configurations', 'connected_accounts'] as const;

/**
 * The key ids the stored ciphertexts reference (`v1:<kid>:…`), so start-up can refuse to run
 * with a keyring that cannot open them (docs/security.md §14) instead of failing requests later.
 */
export async function referencedKeyIds(db: Kysely<Database>, dialect: Dialect): Promise<Set<string>> {
  const kids = new Set<string>();
  for (const [table, column] of SEALED_COLUMNS) {
    const kidExpr =
      dialect === 'postgres'
        ? sql<string>`split_part(${sql.ref(column)}, ':', 2)`
        : sql<string>`substr(${sql.ref(column)}, 4, instr(substr(${sql.ref(column)}, 4), ':') - 1)`;
    const rows = await db.selectFrom(table).select(kidExpr.as('kid')).distinct().where(sql.ref(column), 'is not', null).execute();
    for (const r of rows) kids.add(String(r.kid));
  }
  for (const table of SEALED_CONFIG_TABLES) {
    const rows = await db.selectFrom(table).select('config').where('config', 'like', '%"v1:%').execute();
    for (const r of rows) for (const m of String(r.config).matchAll(/"v1:([A-Za-z0-9_-]{1,32}):/g)) kids.add(m[1]!);
  }
  return kids;
}
