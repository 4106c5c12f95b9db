import { Type } from 'typebox';
import { presentWebhookDelivery, presentWebhookEndpoint } from '../presenters/webhook-endpoint.ts';
import { errorResponses, NoQuery } from '../schemas/common.ts';
import {
  CreateWebhookEndpointBody,
  DeliveriesQuery,
  ListWebhookEndpointsQuery,
  UpdateWebhookEndpointBody,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookDeliveryParams,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointParams,
} from '../schemas/webhook-endpoint.ts';
import { listEnvelope, pageQuery } from './list-page.ts';
import { routePlugin } from './route-plugin.ts';
import { schemaFor } from './route-schema.ts';

const schema = schemaFor(['Webhooks']);

/** R29–R32 (§11.2), and the operator's view of deliveries (extensions). */
export const webhookRoutes = routePlugin((app, { webhookEndpoints, webhookDeliveries }) => {
  app.post(
    '/webhook_endpoints',
    schema('Create a webhook endpoint (R30)', {
      description: 'The endpoint starts enabled with a fresh `whsec_` secret. `endpoint_url` must be https and public.',
      querystring: NoQuery,
      body: CreateWebhookEndpointBody,
      response: { 201: WebhookEndpoint, ...errorResponses(400, 409, 422) },
    }),
    async (request, reply) => {
      const endpoint = await webhookEndpoints.create(request.principal.environmentId, request.body);
      return reply.code(201).send(presentWebhookEndpoint(endpoint));
    },
  );

  app.get(
    '/webhook_endpoints',
    schema('List webhook endpoints (R29)', {
      querystring: ListWebhookEndpointsQuery,
      response: { 200: WebhookEndpointList, ...errorResponses(400) },
    }),
    async (request) => {
      const page = await webhookEndpoints.list(request.principal.environmentId, pageQuery(request.query));
      return listEnvelope(page.rows.map(presentWebhookEndpoint), { before: request.query.after !== undefined, after: page.hasMore });
    },
  );

  app.patch(
    '/webhook_endpoints/:id',
    schema('Update a webhook endpoint (R31)', {
      description: 'Only the keys sent change; `events` replaces the list; disabling cancels queued deliveries.',
      params: WebhookEndpointParams,
      querystring: NoQuery,
      body: UpdateWebhookEndpointBody,
      response: { 200: WebhookEndpoint, ...errorResponses(400, 404, 409, 422) },
    }),
    async (request) =>
      presentWebhookEndpoint(await webhookEndpoints.update(request.principal.environmentId, request.params.id, request.body)),
  );

  app.delete(
    '/webhook_endpoints/:id',
    schema('Delete a webhook endpoint (R32)', {
      params: WebhookEndpointParams,
      querystring: NoQuery,
      response: { 204: Type.Null(), ...errorResponses(400, 404) },
    }),
    async (request, reply) => {
      await webhookEndpoints.delete(request.principal.environmentId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/webhook_endpoints/:id/deliveries',
    schema('List an endpoint’s deliveries and attempts (extension)', {
      description: 'Newest first, each with every attempt (time, status, duration, error) and the endpoint’s health label.',
      params: WebhookEndpointParams,
      querystring: DeliveriesQuery,
      response: { 200: WebhookDeliveryList, ...errorResponses(400, 404) },
    }),
    async (request) => {
      const limit = request.query.limit === undefined ? 20 : Number(request.query.limit);
      const view = await webhookDeliveries.deliveries(request.principal.environmentId, request.params.id, limit);
      return { object: 'list' as const, endpoint_health: view.health, data: view.deliveries.map(presentWebhookDelivery) };
    },
  );

  app.post(
    '/webhook_deliveries/:id/resend',
    schema('Send a delivery again (extension)', {
      description: 'Queues the delivery for an attempt now, whatever it ended as.',
      params: WebhookDeliveryParams,
      querystring: NoQuery,
      response: { 202: WebhookDelivery, ...errorResponses(400, 404) },
    }),
    async (request, reply) =>
      reply.code(202).send(presentWebhookDelivery(await webhookDeliveries.resend(request.principal.environmentId, request.params.id))),
  );
});
