import { fetch } from 'undici';
import { createGuardedDispatcher } from '../outbound/guarded-dispatcher.ts';
import type { WebhookFetch } from './webhook-sender.ts';

/**
 * The production fetch for deliveries: undici's own (it must match the dispatcher's version),
 * connecting only to public addresses unless `allowInsecure` (local testing).
 */
export function guardedWebhookFetch(allowInsecure: boolean): WebhookFetch {
  const dispatcher = createGuardedDispatcher({ allowInsecure });
  return (url, init) => fetch(url, { ...init, dispatcher });
}
