import { sql } from 'kysely';
import type { Store } from './store.ts';

/** Every sealed column, as `table.column`. */
export const SEALED_COLUMNS = [
  ['data_integrations', 'client_secret'],
  ['org_configurations', 'client_secret'],
  ['connected_accounts', 'access_token'],
  ['connected_accounts', 'refresh_token'],
  ['connected_accounts', 'api_key'],
  ['connected_accounts', 'client_secret'],
] as const;

/**
 * The key ids the stored ciphertexts reference (`v1:<kid>:…`), so start-up can refuse to run
 * with a keyring that cannot open them (security.md §14) instead of failing requests later.
 */
export async function referencedKeyIds(store: Store): Promise<Set<string>> {
  const kids = new Set<string>();
  for (const [table, column] of SEALED_COLUMNS) {
    const kidExpr =
      store.dialect === 'postgres'
        ? sql<string>`split_part(${sql.ref(column)}, ':', 2)`
        : sql<string>`substr(${sql.ref(column)}, 4, instr(substr(${sql.ref(column)}, 4), ':') - 1)`;
    const rows = await store.db
      .selectFrom(table)
      .select(kidExpr.as('kid'))
      .distinct()
      .where(sql.ref(column), 'is not', null)
      .execute();
    for (const r of rows) kids.add(String(r.kid));
  }
  // Secret config values are sealed inside the JSON config columns.
  for (const table of ['data_integrations', 'org_configurations'] as const) {
    const rows = await store.db.selectFrom(table).select('config').where('config', 'like', '%"v1:%').execute();
    for (const r of rows) for (const m of String(r.config).matchAll(/"v1:([A-Za-z0-9_-]{1,32}):/g)) kids.add(m[1]!);
  }
  return kids;
}
