import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso } from '../src/clock.ts';
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
    const integration = await h.request('POST', '/data-integrations', { provider: 'gitlab', credentials: { type: 'custom', client_id: 'c', client_secret: 's' } });
    const flow = (id: string, expiresAt: number) => ({
      id,
      environment_id: h.environmentId,
      integration_id: integration.body.id,
      link_hash: `link_${id}`,
      csrf_hash: '',
      state_hash: null,
      browser_hash: null,
      code_verifier: null,
      owner_type: 'user' as const,
      user_id: 'u',
      organization_id: null,
      owner_key: 'u|u|',
      acting_user_id: 'u',
      connection_intent: null,
      connected_account_id: null,
      return_to: null,
      config: '{}',
      scopes: '[]',
      client_id: 'c',
      status: 'pending' as const,
      expires_at: iso(expiresAt),
      created_at: iso(expiresAt - 600_000),
      updated_at: iso(expiresAt - 600_000),
    });
    await h.store.flows.insert(flow('flow_old', now - RETENTION.flowsMs - 1000));
    await h.store.flows.insert(flow('flow_new', now + 60_000));
    const idem = (key: string, at: number) => ({ environment_id: h.environmentId, route: 'POST /x', idempotency_key: key, body_hash: 'h', status: 201, response: '{}', created_at: iso(at) });
    await h.store.idempotency.claim(idem('old', now - RETENTION.idempotencyMs - 1000));
    await h.store.idempotency.claim(idem('new', now - 1000));
    const event = (id: string, at: number) => ({ id, environment_id: h.environmentId, event: 'pipes.connected_account.connected', organization_id: null, data: '{}', created_at: iso(at) });
    await h.store.events.insert(event('event_00000000000000000000000001', now - RETENTION.eventsMs - 1000));
    await h.store.events.insert(event('event_00000000000000000000000002', now - 1000));

    await purgeExpired(h.store, { now: () => now });

    expect((await h.store.db.selectFrom('flows').select('id').execute()).map((r) => r.id)).toEqual(['flow_new']);
    expect((await h.store.db.selectFrom('idempotency_keys').select('idempotency_key').execute()).map((r) => r.idempotency_key)).toEqual(['new']);
    expect((await h.store.db.selectFrom('events').select('id').execute()).map((r) => r.id)).toEqual(['event_00000000000000000000000002']);
  });
});
