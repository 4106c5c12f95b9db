import { idPattern } from '../core/ids.ts';
import { invalidRequest, validationFailed } from '../core/errors.ts';
import type { StoredEvent } from '../domain/event.ts';
import type { Store } from '../store/store.ts';
import { PIPES_EVENTS } from './event-recorder.ts';

export interface RawEventQuery {
  events?: string | string[];
  'events[]'?: string | string[];
  organization_id?: string;
  range_start?: string;
  range_end?: string;
  limit?: string;
  after?: string;
  before?: string;
  order?: string;
}

const EVENT_ID = new RegExp(idPattern('event'));
const KNOWN = new Set<string>(PIPES_EVENTS);

const toList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const timestamp = (field: string, value: string | undefined): string | null => {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms))
    throw invalidRequest(`${field} must be an RFC 3339 timestamp.`, [{ field, code: 'invalid_format' }]);
  return new Date(ms).toISOString();
};

/** R28 `GET /events` (§11.1): parses the SDK's query forms and pages by event id. */
export class EventService {
  constructor(private readonly store: Pick<Store, 'events'>) {}

  async list(environmentId: string, raw: RawEventQuery): Promise<{ rows: StoredEvent[]; before: string | null; after: string | null }> {
    const names = [
      ...new Set(
        [...toList(raw.events), ...toList(raw['events[]'])]
          .flatMap((v) => v.split(','))
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = names.filter((n) => !KNOWN.has(n));
    if (unknown.length > 0)
      throw validationFailed(`Unsupported event names: ${unknown.join(', ')}.`, [{ field: 'events', code: 'unsupported_event' }]);
    const rangeStart = timestamp('range_start', raw.range_start);
    const rangeEnd = timestamp('range_end', raw.range_end);
    if (rangeStart && rangeEnd && rangeStart >= rangeEnd)
      throw validationFailed('range_start must be before range_end.', [{ field: 'range_start', code: 'invalid_range' }]);
    let limit = 10;
    if (raw.limit !== undefined) {
      if (!/^\d{1,3}$/.test(raw.limit) || Number(raw.limit) < 1 || Number(raw.limit) > 100)
        throw invalidRequest('limit must be an integer from 1 to 100.', [{ field: 'limit', code: 'invalid_value' }]);
      limit = Number(raw.limit);
    }
    for (const field of ['after', 'before'] as const) {
      const v = raw[field];
      if (v !== undefined && !EVENT_ID.test(v)) throw invalidRequest(`${field} must be an event id.`, [{ field, code: 'invalid_format' }]);
    }
    let order: 'asc' | 'desc' = 'asc';
    if (raw.order !== undefined) {
      if (raw.order === 'desc' || raw.order === 'normal') order = 'desc';
      else if (raw.order !== 'asc') throw invalidRequest('order must be asc or desc.', [{ field: 'order', code: 'invalid_value' }]);
    }
    const { rows, hasMore } = await this.store.events.page(environmentId, {
      names,
      organizationId: raw.organization_id ?? null,
      rangeStart,
      rangeEnd,
      after: raw.after ?? null,
      before: raw.before ?? null,
      order,
      limit,
    });
    return {
      rows,
      after: hasMore && rows.length > 0 ? rows[rows.length - 1]!.id : null,
      before: raw.after !== undefined && rows.length > 0 ? rows[0]!.id : null,
    };
  }
}

export const presentEvent = (row: Pick<StoredEvent, 'id' | 'event' | 'data' | 'created_at'>) => ({
  object: 'event' as const,
  id: row.id,
  event: row.event,
  data: row.data,
  created_at: row.created_at,
});
