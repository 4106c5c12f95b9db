/** A list route's paging parameters as the SDKs send them (§2.7): strings in, defaults applied. */
export interface RawPageQuery {
  limit?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  after?: string | undefined;
  before?: string | undefined;
}

export const pageQuery = (q: RawPageQuery) => ({
  limit: q.limit === undefined ? 10 : Number(q.limit),
  order: q.order ?? ('desc' as const),
  after: q.after ?? null,
  before: q.before ?? null,
});

/** The §2.7 envelope: cursors are the first and last ids of the page, when there is more that way. */
export function listEnvelope<T extends { id: string }>(data: T[], more: { before: boolean; after: boolean }) {
  const first = data[0];
  const last = data[data.length - 1];
  return {
    object: 'list' as const,
    data,
    list_metadata: { before: more.before && first ? first.id : null, after: more.after && last ? last.id : null },
  };
}
