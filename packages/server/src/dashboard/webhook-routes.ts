import { idPattern } from '../core/ids.ts';
import { Type } from 'typebox';
import type { WebhookAttempt, WebhookDelivery } from '../domain/webhook-delivery.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { DoneQuery, EnvironmentParams, environmentPage, minute, seeOther, sendEnvironmentPage } from './pages.ts';

const DELIVERIES_SHOWN = 50;

const EndpointParams = Type.Object(
  { name: EnvironmentParams.properties.name, id: Type.String({ pattern: idPattern('webhookEndpoint') }) },
  { additionalProperties: false },
);
const ResendParams = Type.Object(
  { ...EndpointParams.properties, delivery: Type.String({ pattern: idPattern('webhookDelivery') }) },
  { additionalProperties: false },
);
const ResendBody = Type.Object({ csrf_token: Type.String() }, { additionalProperties: false });

const HEALTH_LABEL = { healthy: 'healthy', failing: 'failing', untried: 'no attempts yet' } as const;

const attemptLine = (a: WebhookAttempt) => ({
  at: minute(a.attempted_at),
  result: a.status_code === null ? 'no response' : `HTTP ${a.status_code}`,
  durationMs: a.duration_ms,
  error: a.error ?? '',
});

const deliveryLine = (d: WebhookDelivery & { attempt_log: WebhookAttempt[] }) => ({
  id: d.id,
  eventId: d.event_id,
  status: d.status,
  created: minute(d.created_at),
  next: minute(d.next_attempt_at),
  attempts: d.attempt_log.map(attemptLine),
});

/** An environment's webhook endpoints with their health; per endpoint, its deliveries with every attempt and a Resend button. */
export function webhookRoutes(app: DashboardApp, deps: DashboardDeps): void {
  const { environments, webhookDeliveries } = deps;

  environmentPage(app, deps, '/webhooks', async (request, reply, env, done) => {
    const endpoints = await webhookDeliveries.endpoints(env.id);
    const page = { env, template: 'webhooks', title: 'Webhooks', tab: 'webhooks' } as const;
    return sendEnvironmentPage(
      request,
      reply,
      page,
      { done },
      {
        endpoints: endpoints.map(({ endpoint, health }) => ({
          id: endpoint.id,
          url: endpoint.endpoint_url,
          status: endpoint.status,
          events: endpoint.events.join(', '),
          health: HEALTH_LABEL[health],
          failing: health === 'failing',
          href: `/dashboard/environments/${encodeURIComponent(env.name)}/webhooks/${endpoint.id}`,
        })),
      },
    );
  });

  app.get(
    '/environments/:name/webhooks/:id',
    { schema: { hide: true, params: EndpointParams, querystring: DoneQuery } },
    async (request, reply) => {
      const env = await environments.byName(request.params.name);
      const { id } = request.params;
      const { health, deliveries } = await webhookDeliveries.deliveries(env.id, id, DELIVERIES_SHOWN);
      const endpoint = (await webhookDeliveries.endpoints(env.id)).find((e) => e.endpoint.id === id)?.endpoint;
      return sendEnvironmentPage(
        request,
        reply,
        { env, template: 'webhookEndpoint', title: 'Webhook deliveries', tab: 'webhooks' },
        { done: request.query.done },
        {
          endpoint: { id, url: endpoint?.endpoint_url ?? '', health: HEALTH_LABEL[health] },
          action: `/dashboard/environments/${encodeURIComponent(env.name)}/webhooks/${id}`,
          deliveries: deliveries.map(deliveryLine),
          shown: DELIVERIES_SHOWN,
        },
      );
    },
  );

  app.post(
    '/environments/:name/webhooks/:id/deliveries/:delivery/resend',
    { schema: { hide: true, params: ResendParams, body: ResendBody } },
    async (request, reply) => {
      const env = await environments.byName(request.params.name);
      // A delivery of another environment is not found; back to the page of the endpoint it belongs to.
      const resent = await webhookDeliveries.resend(env.id, request.params.delivery);
      return seeOther(reply, `/dashboard/environments/${encodeURIComponent(env.name)}/webhooks/${resent.endpoint_id}?done=resent`);
    },
  );
}
