import type { Secret } from './secret.ts';

export type WebhookEndpointStatus = 'enabled' | 'disabled';

/** An application's webhook endpoint (§11.2.1): where events are delivered, signed with its secret. */
export interface WebhookEndpoint {
  id: string;
  environment_id: string;
  endpoint_url: string;
  /** Shown on every read (WorkOS does the same); sealed at rest like every secret. */
  secret: Secret;
  status: WebhookEndpointStatus;
  events: string[];
  created_at: string;
  updated_at: string;
}

/** What a write changes on an endpoint; the secret in plaintext (the store seals it). */
export interface WebhookEndpointChanges {
  endpoint_url?: string;
  secret?: string;
  status?: WebhookEndpointStatus;
  events?: readonly string[];
  updated_at: string;
}
