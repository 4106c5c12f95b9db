import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';

type RowTable = 'connected_accounts' | 'data_integrations' | 'org_configurations' | 'webhook_endpoints';

/** Sets `columns` on one row and returns the row as stored afterwards (what the repositories answer with). */
export async function updateById<T extends RowTable>(
  db: Kysely<Database>,
  table: T,
  id: string,
  columns: Partial<Selectable<Database[T]>>,
): Promise<Selectable<Database[T]>> {
  // One generic shape for the three tables: every one has a text `id` primary key.
  const rows = db as unknown as Kysely<Record<'row', { id: string }>>;
  const name = table as unknown as 'row';
  await rows
    .updateTable(name)
    .set(columns as never)
    .where('id', '=', id)
    .execute();
  return (await rows.selectFrom(name).selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Selectable<Database[T]>;
}
