import { idPattern } from '../../core/ids.ts';
import { Type } from 'typebox';
import * as EX from './examples.ts';
import { PIPES_EVENTS } from '../../events/event-recorder.ts';
import { ListMetadata, Nullable, Timestamp } from './common.ts';

const EndpointId = Type.String({
  pattern: '^we_[0-9A-Za-z]{1,64}$',
  description: 'A webhook endpoint id, `we_…`.',
  examples: [EX.WEBHOOK_ENDPOINT.id],
});
const EndpointUrl = Type.String({ minLength: 1, maxLength: 4096, description: 'The HTTPS URL events are POSTed to.' });
const EventNames = Type.Array(Type.String({ maxLength: 128 }), {
  maxItems: 32,
  description: `Subscribed events: ${PIPES_EVENTS.join(', ')}.`,
});
const Status = Type.Enum(['enabled', 'disabled']);

export const WebhookEndpointParams = Type.Object({ id: EndpointId }, { additionalProperties: false });
export const WebhookDeliveryParams = Type.Object(
  { id: Type.String({ pattern: idPattern('webhookDelivery'), examples: [EX.WEBHOOK_DELIVERY.id] }) },
  { additionalProperties: false },
);

export const WebhookEndpoint = Type.Object(
  {
    object: Type.Literal('webhook_endpoint'),
    id: Type.String(),
    endpoint_url: Type.String(),
    secret: Type.String({ description: 'The signing secret (`whsec_…`), shown on every read as WorkOS does.' }),
    status: Status,
    events: Type.Array(Type.String()),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'WebhookEndpoint', examples: [EX.WEBHOOK_ENDPOINT] },
);

export const WebhookEndpointList = Type.Object(
  { object: Type.Literal('list'), data: Type.Array(WebhookEndpoint), list_metadata: ListMetadata },
  { title: 'WebhookEndpointList', examples: [EX.list(EX.WEBHOOK_ENDPOINT)] },
);

export const ListWebhookEndpointsQuery = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1–100, default 10.' })),
    before: Type.Optional(EndpointId),
    after: Type.Optional(EndpointId),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
  },
  { additionalProperties: false },
);

export const CreateWebhookEndpointBody = Type.Object(
  { endpoint_url: EndpointUrl, events: EventNames },
  { additionalProperties: false, title: 'CreateWebhookEndpointBody', examples: [EX.CREATE_WEBHOOK_ENDPOINT] },
);

export const UpdateWebhookEndpointBody = Type.Object(
  { endpoint_url: Type.Optional(EndpointUrl), status: Type.Optional(Status), events: Type.Optional(EventNames) },
  { additionalProperties: false, title: 'UpdateWebhookEndpointBody', examples: [EX.UPDATE_WEBHOOK_ENDPOINT] },
);

const Attempt = Type.Object(
  {
    object: Type.Literal('webhook_attempt'),
    id: Type.String(),
    attempted_at: Timestamp,
    status_code: Nullable(Type.Integer()),
    duration_ms: Type.Integer(),
    error: Nullable(Type.String()),
  },
  { title: 'WebhookAttempt' },
);

export const WebhookDelivery = Type.Object(
  {
    object: Type.Literal('webhook_delivery'),
    id: Type.String(),
    endpoint_id: Type.String(),
    event_id: Type.String(),
    status: Type.Enum(['pending', 'delivered', 'failed', 'cancelled']),
    attempts: Type.Integer(),
    next_attempt_at: Nullable(Timestamp),
    attempt_log: Type.Array(Attempt),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'WebhookDelivery', examples: [EX.WEBHOOK_DELIVERY] },
);

export const WebhookDeliveryList = Type.Object(
  {
    object: Type.Literal('list'),
    endpoint_health: Type.Enum(['healthy', 'failing', 'untried'], {
      description: '`failing` when the endpoint’s latest attempts all failed; a label only, nothing is disabled.',
    }),
    data: Type.Array(WebhookDelivery),
  },
  { title: 'WebhookDeliveryList', examples: [{ object: 'list', endpoint_health: 'failing', data: [EX.WEBHOOK_DELIVERY] }] },
);

export const DeliveriesQuery = Type.Object(
  { limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1–100, default 20.' })) },
  { additionalProperties: false },
);
