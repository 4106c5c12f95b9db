import { idPattern } from '../core/ids.ts';
import { Type } from 'typebox';
import { PIPES_EVENTS } from '../events/event-recorder.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { environmentFrame, environmentSearch, given, minute } from './pages.ts';
import { sendPage } from './view.ts';

const PAGE_SIZE = '25';

const EventsQuery = Type.Object(
  {
    event: Type.Optional(Type.Union([Type.Literal(''), ...PIPES_EVENTS.map((e) => Type.Literal(e))])),
    after: Type.Optional(Type.String({ pattern: idPattern('event') })),
  },
  { additionalProperties: false },
);

/** GET /dashboard/environments/:name/events: the environment's events, newest first, by name, each with its data. */
export function eventRoutes(app: DashboardApp, deps: DashboardDeps): void {
  environmentSearch(app, deps, { path: '/events', query: EventsQuery }, async (request, reply, env, query) => {
    const event = given(query.event);
    const { after } = query;
    const page = await deps.events.list(env.id, {
      order: 'desc',
      limit: PAGE_SIZE,
      ...(event ? { events: event } : {}),
      ...(after ? { after } : {}),
    });
    const base = `/dashboard/environments/${encodeURIComponent(env.name)}/events`;
    const href = (more: Record<string, string>) => `${base}?${new URLSearchParams({ ...(event ? { event } : {}), ...more })}`;
    return sendPage(reply, 'events', {
      ...environmentFrame(request, env, 'Events', 'events'),
      event: event ?? '',
      names: PIPES_EVENTS,
      events: page.rows.map((e) => ({
        id: e.id,
        event: e.event,
        organization: e.organization_id ?? '—',
        created: minute(e.created_at),
        data: JSON.stringify(e.data, null, 2),
      })),
      firstHref: after ? href({}) : null,
      nextHref: page.after ? href({ after: page.after }) : null,
    });
  });
}
