import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso } from '../src/core/clock.ts';
import type { StoredEvent } from '../src/domain/event.ts';
import type { NewFlow } from '../src/domain/flow.ts';
import { userOwner } from '../src/domain/owner.ts';
import { purgeExpired, RETENTION } from '../src/store/maintenance.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

describe.each(DIALECTS)('retention purge on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h.close());

  it('drops expired flows, day-old idempotency answers and month-old events, and keeps the rest', async () => {
    const now = Date.now();
    const integration = await h.request('POST', '/data-integrations', {
      provider: 'gitlab',
      credentials: { type: 'custom', client_id: 'c', client_secret: 's' },
    });
    const flow = (id: string, expiresAt: number): NewFlow => ({
      id,
      environment_id: h.environmentId,
      integration_id: integration.body.id,
      link_hash: `link_${id}`,
      csrf_hash: '',
      owner: userOwner('u'),
      acting_user_id: 'u',
      connection_intent: null,
      connected_account_id: null,
      return_to: null,
      config: { values: {}, fields: [] },
      scopes: [],
      client_id: 'c',
      status: 'pending',
      expires_at: iso(expiresAt),
      created_at: iso(expiresAt - 600_000),
    });
    await h.store.flows.insert(flow('flow_old', now - RETENTION.flowsMs - 1000));
    await h.store.flows.insert(flow('flow_new', now + 60_000));
    const idem = (key: string, at: number) => ({
      environment_id: h.environmentId,
      api_key_id: null,
      route: 'POST /x',
      idempotency_key: key,
      body_hash: 'h',
      status: 201,
      response: '{}',
      created_at: iso(at),
    });
    await h.store.idempotency.claim(idem('old', now - RETENTION.idempotencyMs - 1000));
    await h.store.idempotency.claim(idem('new', now - 1000));
    const event = (id: string, at: number): StoredEvent => ({
      id,
      environment_id: h.environmentId,
      event: 'pipes.connected_account.connected',
      organization_id: null,
      data: {},
      created_at: iso(at),
    });
    await h.store.events.insert(event('event_00000000000000000000000001', now - RETENTION.eventsMs - 1000));
    await h.store.events.insert(event('event_00000000000000000000000002', now - 1000));

    await purgeExpired(h.store, { now: () => now });

    expect((await h.db.selectFrom('flows').select('id').execute()).map((r) => r.id)).toEqual(['flow_new']);
    expect((await h.db.selectFrom('idempotency_keys').select('idempotency_key').execute()).map((r) => r.idempotency_key)).toEqual(['new']);
    expect((await h.db.selectFrom('events').select('id').execute()).map((r) => r.id)).toEqual(['event_00000000000000000000000002']);
  });
});
