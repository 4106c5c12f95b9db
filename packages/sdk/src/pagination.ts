import { OpenPipesError } from './errors.js';
import type { List, ListMetadata } from './types.js';

/**
 * One page of a paginated list, able to walk the following pages.
 *
 * `data` and `listMetadata` describe the page that was fetched. `autoPagination()` and
 * `for await … of` start with this page's items and then follow `listMetadata.after`
 * (requesting `limit=100` plus the original filters, without `before`) until `after` is `null`.
 * Unlike WorkOS v11, the first page is reused (not re-fetched) and a caller-supplied `limit`
 * only sizes the first page.
 *
 * @example
 * ```ts
 * const page = await op.pipes.listDataIntegrations({ ownership: 'user' });
 * console.log(page.data.length, page.listMetadata.after);
 * const all = await page.autoPagination();
 * for await (const integration of page) console.log(integration.slug);
 * ```
 */
export class AutoPaginatable<T> implements AsyncIterable<T> {
  /** Always `"list"`. */
  readonly object = 'list' as const;
  /** Items of this page. */
  readonly data: T[];
  /** Cursors of this page. */
  readonly listMetadata: ListMetadata;
  readonly #fetchAfter: (after: string) => Promise<List<T>>;

  /**
   * @param page - The first page.
   * @param fetchAfter - Fetches the page that follows `after` (with `limit=100`).
   */
  constructor(page: List<T>, fetchAfter: (after: string) => Promise<List<T>>) {
    this.data = page.data;
    this.listMetadata = page.listMetadata;
    this.#fetchAfter = fetchAfter;
  }

  /** Fetches every remaining page and returns all items, starting with this page's. */
  async autoPagination(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }

  /** Iterates over every item of this page and of all following pages. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* this.data;
    const seen = new Set<string>();
    let after = this.listMetadata.after;
    while (after) {
      if (seen.has(after)) {
        throw new OpenPipesError(`Pagination cursor ${JSON.stringify(after)} was returned twice`, {
          code: 'pagination_loop',
        });
      }
      seen.add(after);
      const page = await this.#fetchAfter(after);
      yield* page.data;
      after = page.listMetadata.after;
    }
  }
}
