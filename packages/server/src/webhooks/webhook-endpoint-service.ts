import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { type FieldError, notFound, validationFailed, webhookEndpointAlreadyExists } from '../core/errors.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { WebhookEndpoint, WebhookEndpointChanges, WebhookEndpointStatus } from '../domain/webhook-endpoint.ts';
import { PIPES_EVENTS } from '../events/event-recorder.ts';
import { checkOutboundUrl } from '../outbound/url-guard.ts';
import type { Store } from '../store/store.ts';
import type { EndpointPageQuery } from '../store/webhook-endpoints-repo.ts';

export interface CreateEndpointInput {
  endpoint_url: string;
  events: string[];
}

export interface UpdateEndpointInput {
  endpoint_url?: string;
  status?: WebhookEndpointStatus;
  events?: string[];
}

const MAX_URL_LENGTH = 2048;
const EMITTED: ReadonlySet<string> = new Set(PIPES_EVENTS);

/** `whsec_` and 32 random bytes (§11.2.1): the HMAC key of every delivery to the endpoint. */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** Webhook endpoints (R29–R32): where an environment's events are delivered. */
export class WebhookEndpointService {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'transaction' | 'webhookEndpoints' | 'webhookDeliveries'>;
      clock: Clock;
      allowInsecureUrls: boolean;
    },
  ) {}

  list(environmentId: string, q: EndpointPageQuery): Promise<{ rows: WebhookEndpoint[]; hasMore: boolean }> {
    return this.deps.store.webhookEndpoints.page(environmentId, q);
  }

  async create(environmentId: string, input: CreateEndpointInput): Promise<WebhookEndpoint> {
    const errors = [...this.urlErrors(input.endpoint_url), ...eventErrors(input.events)];
    if (errors.length > 0)
      throw validationFailed(
        errors[0]!.message,
        errors.map(({ field, code }) => ({ field, code })),
      );
    return this.deps.store.transaction(async (tx) => {
      if (await tx.webhookEndpoints.byUrl(environmentId, input.endpoint_url)) throw webhookEndpointAlreadyExists();
      const now = iso(this.deps.clock.now());
      return tx.webhookEndpoints.insert({
        id: newId(ID_PREFIX.webhookEndpoint),
        environment_id: environmentId,
        endpoint_url: input.endpoint_url,
        secret: newSecret(),
        status: 'enabled',
        events: input.events,
        created_at: now,
        updated_at: now,
      });
    });
  }

  /** R31: only what is sent changes; `events` replaces the list; the secret never changes. */
  async update(environmentId: string, id: string, input: UpdateEndpointInput): Promise<WebhookEndpoint> {
    const errors = [
      ...(input.endpoint_url === undefined ? [] : this.urlErrors(input.endpoint_url)),
      ...(input.events === undefined ? [] : eventErrors(input.events)),
    ];
    if (errors.length > 0)
      throw validationFailed(
        errors[0]!.message,
        errors.map(({ field, code }) => ({ field, code })),
      );
    return this.deps.store.transaction(async (tx) => {
      const current = await tx.webhookEndpoints.byId(environmentId, id);
      if (!current) throw notFound(`No webhook endpoint "${id}".`, id);
      if (input.endpoint_url === undefined && input.status === undefined && input.events === undefined) return current;
      if (
        input.endpoint_url !== undefined &&
        input.endpoint_url !== current.endpoint_url &&
        (await tx.webhookEndpoints.byUrl(environmentId, input.endpoint_url))
      ) {
        throw webhookEndpointAlreadyExists();
      }
      const now = iso(this.deps.clock.now());
      const changes: WebhookEndpointChanges = { updated_at: now };
      if (input.endpoint_url !== undefined) changes.endpoint_url = input.endpoint_url;
      if (input.status !== undefined) changes.status = input.status;
      if (input.events !== undefined) changes.events = input.events;
      // A disabled endpoint gets nothing more, not even the retries already queued (§11.3.1).
      if (input.status === 'disabled') await tx.webhookDeliveries.cancelPending(id, now);
      return tx.webhookEndpoints.update(current, changes);
    });
  }

  /** R32: the endpoint and its queued deliveries go. */
  async delete(environmentId: string, id: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      const current = await tx.webhookEndpoints.byId(environmentId, id);
      if (!current) throw notFound(`No webhook endpoint "${id}".`, id);
      await tx.webhookEndpoints.delete(id);
    });
  }

  private urlErrors(raw: string): Array<FieldError & { message: string }> {
    if (raw.length > MAX_URL_LENGTH)
      return [{ field: 'endpoint_url', code: 'too_long', message: `endpoint_url is longer than ${MAX_URL_LENGTH} characters.` }];
    const check = checkOutboundUrl(raw, { allowInsecure: this.deps.allowInsecureUrls, purpose: 'webhook endpoint URL' });
    return check.ok ? [] : [{ field: 'endpoint_url', code: check.code, message: check.reason }];
  }
}

function eventErrors(events: readonly string[]): Array<FieldError & { message: string }> {
  if (events.length === 0) return [{ field: 'events', code: 'required', message: 'events must name at least one event.' }];
  if (new Set(events).size !== events.length) return [{ field: 'events', code: 'duplicate', message: 'events lists an event twice.' }];
  const unknown = events.filter((e) => !EMITTED.has(e));
  if (unknown.length > 0) {
    return [
      {
        field: 'events',
        code: 'unknown_event',
        message: `Unknown event ${JSON.stringify(unknown[0])}; this server emits ${[...EMITTED].join(', ')}.`,
      },
    ];
  }
  return [];
}
