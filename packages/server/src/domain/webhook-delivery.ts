/**
 * One event on its way to one endpoint. `pending` until an attempt succeeds (`delivered`), the
 * retries run out (`failed`), or the endpoint is disabled or deleted (`cancelled`).
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface WebhookDelivery {
  id: string;
  environment_id: string;
  endpoint_id: string;
  event_id: string;
  status: DeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  /** When the next attempt is due; null unless pending. */
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One try at sending a delivery: what came back, or why nothing did. */
export interface WebhookAttempt {
  id: string;
  delivery_id: string;
  attempted_at: string;
  /** The HTTP status received; null when no response came (timeout, connection error). */
  status_code: number | null;
  duration_ms: number;
  /** Why the attempt failed, in our words (never the receiver's body); null on success. */
  error: string | null;
}

/** What the worker needs to send a delivery: the row, the event and the endpoint's address. */
export interface DueDelivery extends WebhookDelivery {
  endpoint_url: string;
  secret: string;
  event: { id: string; event: string; data: Record<string, unknown>; created_at: string };
}
