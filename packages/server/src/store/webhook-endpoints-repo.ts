import type { Kysely, Selectable } from 'kysely';
import type { WebhookEndpoint, WebhookEndpointChanges } from '../domain/webhook-endpoint.ts';
import { encodeChanges, json, readJson } from './encoding.ts';
import { keysetPage, type KeysetQuery } from './keyset-page.ts';
import type { Database, WebhookEndpointsTable } from './schema.ts';
import type { Sealer, SealedAt } from './sealer.ts';
import { updateById } from './update-by-id.ts';

type EndpointRow = Selectable<WebhookEndpointsTable>;
type EndpointColumns = Partial<Omit<EndpointRow, 'id' | 'environment_id'>>;

const TABLE = 'webhook_endpoints';

export type EndpointPageQuery = KeysetQuery;

/** Webhook endpoints: the signing secret sealed to its row, the event filter stored as JSON. */
export class WebhookEndpointsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  async insert(endpoint: Omit<WebhookEndpoint, 'secret'> & { secret: string }): Promise<WebhookEndpoint> {
    const secret = this.sealer.seal(endpoint.secret, sealedAt(endpoint), 'secret');
    const row: EndpointRow = { ...endpoint, secret, events: json(endpoint.events), delivery_lease_until: null };
    await this.db.insertInto(TABLE).values(row).execute();
    return this.toDomain(row);
  }

  async update(endpoint: Pick<WebhookEndpoint, 'id' | 'environment_id'>, changes: WebhookEndpointChanges): Promise<WebhookEndpoint> {
    return this.toDomain(await updateById(this.db, TABLE, endpoint.id, this.columns(sealedAt(endpoint), changes)));
  }

  /** An endpoint of one environment, or of any (null: the operator's view). */
  async byId(environmentId: string | null, id: string): Promise<WebhookEndpoint | null> {
    let q = this.db.selectFrom(TABLE).selectAll().where('id', '=', id);
    if (environmentId !== null) q = q.where('environment_id', '=', environmentId);
    const row = await q.executeTakeFirst();
    return row ? this.toDomain(row) : null;
  }

  async byUrl(environmentId: string, endpointUrl: string): Promise<WebhookEndpoint | null> {
    const row = await this.db
      .selectFrom(TABLE)
      .selectAll()
      .where((eb) => eb.and({ environment_id: environmentId, endpoint_url: endpointUrl }))
      .executeTakeFirst();
    return row ? this.toDomain(row) : null;
  }

  /** All endpoints, optionally of one environment (operator views). */
  async list(environmentId: string | null): Promise<WebhookEndpoint[]> {
    let q = this.db.selectFrom(TABLE).selectAll();
    if (environmentId !== null) q = q.where('environment_id', '=', environmentId);
    return (await q.orderBy('id').execute()).map((r) => this.toDomain(r));
  }

  /** Keyset page by id (monotonic ULIDs, so id order is creation order), one extra row to see if more follow. */
  async page(environmentId: string, q: EndpointPageQuery): Promise<{ rows: WebhookEndpoint[]; hasMore: boolean }> {
    const page = await keysetPage(this.db.selectFrom(TABLE).selectAll().where('environment_id', '=', environmentId), q);
    return { rows: page.rows.map((r) => this.toDomain(r)), hasMore: page.hasMore };
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom(TABLE).where('id', '=', id).execute();
  }

  private columns(at: SealedAt, c: Partial<WebhookEndpointChanges>): EndpointColumns {
    return encodeChanges<Partial<WebhookEndpointChanges>, EndpointColumns>(c, {
      secret: (secret) => this.sealer.seal(secret, at, 'secret'),
      events: json,
    });
  }

  private toDomain(row: EndpointRow): WebhookEndpoint {
    const { delivery_lease_until: _lease, ...rest } = row;
    return {
      ...rest,
      secret: this.sealer.secret(row.secret, sealedAt(row), 'secret')!,
      events: readJson<string[]>(row.events),
    };
  }
}

const sealedAt = (row: { id: string; environment_id: string }): SealedAt => ({
  environmentId: row.environment_id,
  table: TABLE,
  rowId: row.id,
});
