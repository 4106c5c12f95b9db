import type { SelectQueryBuilder } from 'kysely';

export interface KeysetQuery {
  limit: number;
  order: 'asc' | 'desc';
  after: string | null;
  before: string | null;
}

/**
 * One page of a query ordered by id. Ids are monotonic ULIDs minted at creation, so id order is
 * creation order and a cursor needs no second lookup; one row over the limit tells whether more
 * follow. `after` moves away from the start of the order, `before` towards it.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  select: SelectQueryBuilder<DB, TB, O>,
  q: KeysetQuery,
): Promise<{ rows: O[]; hasMore: boolean }> {
  // Every paged table has a text `id` primary key; the generic builder cannot know it.
  let sel = select as unknown as SelectQueryBuilder<Record<'t', { id: string }>, 't', O>;
  if (q.after !== null) sel = sel.where('id', q.order === 'asc' ? '>' : '<', q.after);
  if (q.before !== null) sel = sel.where('id', q.order === 'asc' ? '<' : '>', q.before);
  const rows = await sel
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
  return { rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
}
