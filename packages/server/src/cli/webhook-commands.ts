import type { DeliveryService } from '../webhooks/delivery-service.ts';

type Table = (rows: Record<string, string>[]) => string;

/** `openpipes webhooks list|deliveries|resend`: the operator's view of the outbox, every environment. */
export async function webhookCommand(
  sub: string | undefined,
  arg: string | undefined,
  options: { limit?: string | undefined },
  ctx: {
    webhooks: DeliveryService;
    environmentNames: Map<string, string>;
    out: (s: string) => void;
    table: Table;
    usage: (m: string) => Error;
  },
): Promise<void> {
  const { webhooks, out, table } = ctx;
  if (sub === 'list') {
    const rows = await webhooks.endpoints(null);
    out(
      table(
        rows.map(({ endpoint: e, health }) => ({
          id: e.id,
          environment: ctx.environmentNames.get(e.environment_id) ?? e.environment_id,
          url: e.endpoint_url,
          status: e.status,
          health,
          events: e.events.join(','),
        })),
      ),
    );
    return;
  }
  if (sub === 'deliveries') {
    if (!arg) throw ctx.usage('usage: openpipes webhooks deliveries ENDPOINT_ID [--limit N]');
    const limit = Number(options.limit ?? '20');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw ctx.usage('--limit is a whole number from 1 to 100');
    const view = await webhooks.deliveries(null, arg, limit);
    out(`Endpoint ${arg}: ${view.health}`);
    out(
      table(
        view.deliveries.map((d) => {
          const last = d.attempt_log[d.attempt_log.length - 1];
          return {
            id: d.id,
            event: d.event_id,
            status: d.status,
            attempts: String(d.attempts),
            next_attempt_at: d.next_attempt_at ?? '-',
            last_attempt: last
              ? `${last.attempted_at} ${last.status_code ?? '-'} ${last.duration_ms} ms${last.error ? ` ${last.error}` : ''}`
              : '-',
          };
        }),
      ),
    );
    return;
  }
  if (sub === 'resend') {
    if (!arg) throw ctx.usage('usage: openpipes webhooks resend DELIVERY_ID');
    const d = await webhooks.resend(null, arg);
    out(`Delivery ${d.id} is queued again (next attempt ${d.next_attempt_at}).`);
    return;
  }
  throw ctx.usage('usage: openpipes webhooks list | deliveries ENDPOINT_ID | resend DELIVERY_ID');
}
