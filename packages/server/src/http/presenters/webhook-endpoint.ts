import type { WebhookAttempt, WebhookDelivery } from '../../domain/webhook-delivery.ts';
import type { WebhookEndpoint } from '../../domain/webhook-endpoint.ts';

/** `webhook_endpoint` (§11.2.1); the secret is opened for the answer, as WorkOS shows it on every read. */
export const presentWebhookEndpoint = (e: WebhookEndpoint) => ({
  object: 'webhook_endpoint' as const,
  id: e.id,
  endpoint_url: e.endpoint_url,
  secret: e.secret.open(),
  status: e.status,
  events: e.events,
  created_at: e.created_at,
  updated_at: e.updated_at,
});

/** A delivery with its attempts (an OpenPipes extension; the receiver's answers are never kept). */
export const presentWebhookDelivery = (d: WebhookDelivery & { attempt_log?: WebhookAttempt[] }) => ({
  object: 'webhook_delivery' as const,
  id: d.id,
  endpoint_id: d.endpoint_id,
  event_id: d.event_id,
  status: d.status,
  attempts: d.attempts,
  next_attempt_at: d.next_attempt_at,
  attempt_log: (d.attempt_log ?? []).map((a) => ({
    object: 'webhook_attempt' as const,
    id: a.id,
    attempted_at: a.attempted_at,
    status_code: a.status_code,
    duration_ms: a.duration_ms,
    error: a.error,
  })),
  created_at: d.created_at,
  updated_at: d.updated_at,
});
