import { Type } from 'typebox';
import * as EX from '../schemas/examples.ts';
import { presentEvent, type RawEventQuery } from '../../events/event-service.ts';
import { routePlugin } from './route-plugin.ts';
import { ListMetadata, errorResponses } from '../schemas/common.ts';

const Event = Type.Object(
  {
    object: Type.Literal('event'),
    id: Type.String(),
    event: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    created_at: Type.String(),
  },
  { title: 'Event', examples: [EX.EVENT] },
);

const StringOrList = Type.Union([Type.String(), Type.Array(Type.String())]);

/** R28 `GET /events` (§11.1). */
export const eventRoutes = routePlugin((app, deps) => {
  app.get(
    '/events',
    {
      schema: {
        tags: ['Events'],
        summary: 'List events (R28)',
        description: 'Oldest first by default. `events` takes comma-joined names, repeated keys or `events[]`.',
        querystring: Type.Object(
          {
            events: Type.Optional(StringOrList),
            'events[]': Type.Optional(StringOrList),
            organization_id: Type.Optional(Type.String()),
            range_start: Type.Optional(Type.String()),
            range_end: Type.Optional(Type.String()),
            limit: Type.Optional(Type.String()),
            after: Type.Optional(Type.String()),
            before: Type.Optional(Type.String()),
            order: Type.Optional(Type.String()),
          },
          { additionalProperties: true },
        ),
        response: {
          200: Type.Object(
            { object: Type.Literal('list'), data: Type.Array(Event), list_metadata: ListMetadata },
            { title: 'EventList', examples: [EX.list(EX.EVENT)] },
          ),
          ...errorResponses(400, 422),
        },
      },
    },
    async (request) => {
      const page = await deps.events.list(request.principal.environmentId, request.query as RawEventQuery);
      return { object: 'list' as const, data: page.rows.map(presentEvent), list_metadata: { before: page.before, after: page.after } };
    },
  );
});
