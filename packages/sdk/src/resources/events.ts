import type { HttpClient, RequestOptions } from '../http.js';
import { AutoPaginatable } from '../pagination.js';
import { deserializeEvent, deserializeList, serializeListEventsQuery } from '../serializers.js';
import type { Event, ListEventsOptions } from '../types.js';

/** The Events API (`GET /events`): the connected-account lifecycle event stream. */
export class Events {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists events, one page at a time. `events` is sent as a single comma-joined query value;
   * no default `order` is sent (the server's default applies). Use `autoPagination()` or
   * `for await` on the result to follow `after` through every page.
   *
   * `GET /events`
   *
   * @example
   * ```ts
   * const page = await op.events.listEvents({
   *   events: ['pipes.connected_account.connected'],
   *   after: lastSeenEventId,
   * });
   * for await (const event of page) handle(event);
   * ```
   */
  async listEvents(options: ListEventsOptions = {}, requestOptions?: RequestOptions): Promise<AutoPaginatable<Event>> {
    const fetchPage = async (opts: ListEventsOptions) => {
      const raw = await this.#http.json({ method: 'GET', path: '/events', query: serializeListEventsQuery(opts) }, requestOptions);
      return deserializeList(raw, deserializeEvent);
    };
    const first = await fetchPage(options);
    return new AutoPaginatable(first, (after) => fetchPage({ ...options, limit: 100, after }));
  }
}
