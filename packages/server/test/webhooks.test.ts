import { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../src/webhooks/retry-schedule.ts';
import { signatureHeader } from '../src/webhooks/webhook-signature.ts';
import { DIALECTS } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

const workos = new WorkOS('sk_test_webhooks_0000000000000000000000000');

/** The §11.3.2 test vector, checked independently of the WorkOS SDK. */
const VECTOR_BODY =
  '{"object":"event","id":"event_01HZY3K6T0Q1W2E3R4T5Y6V7W8","event":"pipes.connected_account.connected","data":{"object":"connected_account","id":"data_installation_01HZY3K6T0Q1W2E3R4T5Y6V7W9","data_integration_id":"data_integration_01HZY3K6T0Q1W2E3R4T5Y6V7WA","provider_slug":"github","user_id":"user_01HZY3K6T0Q1W2E3R4T5Y6V7WB","organization_id":null,"scopes":["repo"],"state":"connected","created_at":"2024-01-15T10:30:00.000Z","updated_at":"2024-01-15T10:30:00.000Z"},"created_at":"2024-01-15T10:30:00.123Z"}';

describe('webhook signature and retry schedule', () => {
  it('signs the spec test vector exactly', () => {
    expect(Buffer.byteLength(VECTOR_BODY)).toBe(510);
    expect(signatureHeader('whsec_0123456789abcdefABCDEF', VECTOR_BODY, 1_700_000_000_000)).toBe(
      't=1700000000000, v1=3b93db119bd413004a3661051cdabaf7f06966d491ce26f96ce48173929b7f1c',
    );
  });

  it('the WorkOS SDK accepts a fresh signature and refuses a tampered body, another secret and an old timestamp', async () => {
    const secret = 'whsec_fresh_secret_for_the_sdk_check';
    const header = signatureHeader(secret, VECTOR_BODY, Date.now());
    const event = await workos.webhooks.constructEvent({ payload: VECTOR_BODY, sigHeader: header, secret });
    expect(event).toMatchObject({ id: 'event_01HZY3K6T0Q1W2E3R4T5Y6V7W8', event: 'pipes.connected_account.connected' });
    await expect(
      workos.webhooks.constructEvent({ payload: VECTOR_BODY.replace('repo', 'repx'), sigHeader: header, secret }),
    ).rejects.toThrow(/does not match/);
    await expect(workos.webhooks.constructEvent({ payload: VECTOR_BODY, sigHeader: header, secret: `${secret}x` })).rejects.toThrow(
      /does not match/,
    );
    const old = signatureHeader(secret, VECTOR_BODY, Date.now() - 4 * 60_000);
    await expect(workos.webhooks.constructEvent({ payload: VECTOR_BODY, sigHeader: old, secret })).rejects.toThrow(/tolerance/);
  });

  it('retry n waits min(base × 2^(n−1), cap) within ±20 %', () => {
    const schedule = { baseMs: 60_000, capMs: 86_400_000, maxRetries: 12 };
    expect(retryDelayMs(1, schedule, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(4, schedule, () => 0.5)).toBe(480_000);
    expect(retryDelayMs(12, schedule, () => 0.5)).toBe(86_400_000);
    expect(retryDelayMs(1, schedule, () => 0)).toBe(48_000);
    expect(retryDelayMs(1, schedule, () => 1)).toBe(72_000);
    const total = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, schedule, () => 0.5)).reduce((a, b) => a + b, 0);
    expect(total / 86_400_000).toBeCloseTo(2.42, 1);
  });
});

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let h: Harness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    h = await startHarness(dialect, {
      allowInsecureProviderUrls: true,
      webhooks: { schedule: { baseMs: 20, capMs: 200, maxRetries: 12 }, timeoutMs: 300, pollMs: 50 },
    });
    const created = await h.request('POST', '/data-integrations', {
      provider: 'github',
      enabled: true,
      credentials: { type: 'custom', client_id: 'gh-client', client_secret: 'gh-secret-value-1234' },
    });
    expect(created.status, created.text).toBe(201);
  });

  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  /** Runs the worker until nothing is due, as the poller would. */
  const drain = async (rounds = 200): Promise<void> => {
    for (let i = 0; i < rounds; i++) {
      const pending = await h.db.selectFrom('webhook_deliveries').select('id').where('status', '=', 'pending').execute();
      if (pending.length === 0) return;
      await h.deps.deliveryWorker.tickOnce();
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('deliveries still pending');
  };

  it('R29–R32 through the WorkOS SDK: create, list, update, delete', async () => {
    const client = new WorkOS(h.apiKey, { apiHostname: '127.0.0.1', https: false, port: await listening() });
    const created = await client.webhooks.createWebhookEndpoint({
      endpointUrl: 'http://127.0.0.1:9/sdk-hook',
      events: ['pipes.connected_account.connected'],
    });
    expect(created).toMatchObject({
      endpointUrl: 'http://127.0.0.1:9/sdk-hook',
      status: 'enabled',
      events: ['pipes.connected_account.connected'],
    });
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await client.webhooks.listWebhookEndpoints();
    expect(listed.data.map((e) => e.id)).toContain(created.id);
    expect(listed.data.find((e) => e.id === created.id)?.secret).toBe(created.secret);
    const updated = await client.webhooks.updateWebhookEndpoint({ id: created.id, status: 'disabled' });
    expect(updated).toMatchObject({ status: 'disabled', secret: created.secret, endpointUrl: created.endpointUrl });
    await client.webhooks.deleteWebhookEndpoint({ id: created.id });
    await expect(client.webhooks.deleteWebhookEndpoint({ id: created.id })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses bad endpoints with a reason naming the field', async () => {
    const dup = { endpoint_url: `${receiver.url}/dup`, events: ['pipes.connected_account.connected'] };
    expect((await h.request('POST', '/webhook_endpoints', dup)).status).toBe(201);
    const again = await h.request('POST', '/webhook_endpoints', dup);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('webhook_endpoint_already_exists');
    for (const [events, code] of [
      [[], 'required'],
      [['pipes.connected_account.connected', 'pipes.connected_account.connected'], 'duplicate'],
      [['user.created'], 'unknown_event'],
    ] as const) {
      const res = await h.request('POST', '/webhook_endpoints', { endpoint_url: `${receiver.url}/e${code}`, events });
      expect(res.status, res.text).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'events', code }]);
    }
    const nonsense = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: 'not a url',
      events: ['pipes.connected_account.connected'],
    });
    expect(nonsense.status).toBe(422);
    expect(nonsense.body.errors).toEqual([{ field: 'endpoint_url', code: 'invalid_url' }]);
    const first = (await h.request('GET', '/webhook_endpoints')).body.data[0].id;
    const nullStatus = await h.request('PATCH', `/webhook_endpoints/${first}`, { status: null });
    expect(nullStatus.status).toBe(400);
    expect((await h.request('DELETE', `/webhook_endpoints/${first}`)).status).toBe(204);
  });

  it('delivers connected, reauthorization_needed, disconnected and connection_failed, each verified by the WorkOS SDK', async () => {
    const endpoint = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: receiver.url,
      events: [
        'pipes.connected_account.connected',
        'pipes.connected_account.reauthorization_needed',
        'pipes.connected_account.disconnected',
        'pipes.connected_account.connection_failed',
      ],
    });
    expect(endpoint.status, endpoint.text).toBe(201);
    const secret: string = endpoint.body.secret;
    receiver.received.length = 0;

    const userPath = '/user_management/users/hook_user/connected_accounts/github';
    expect((await h.request('POST', userPath, { access_token: 'gho_webhook_test_token', scopes: ['repo'] })).status).toBe(201);
    expect((await h.request('PUT', userPath, { state: 'needs_reauthorization' })).status).toBe(200);
    expect((await h.request('DELETE', userPath)).status).toBe(204);
    const integration = await h.request('GET', '/data-integrations/github');
    const callback = new URL(integration.body.redirect_uri as string);
    const failed = await h.app.inject({ method: 'GET', url: `${callback.pathname}?state=not-a-state&code=x` });
    expect(failed.statusCode).toBe(400);

    await drain();
    const names = [];
    for (const r of receiver.at('/hooks')) {
      const header = r.headers['workos-signature'];
      expect(typeof header).toBe('string');
      expect(r.headers['content-type']).toBe('application/json');
      const event = await workos.webhooks.constructEvent({ payload: r.body, sigHeader: header as string, secret });
      names.push(event.event);
      // The body is the event exactly as GET /events shows it.
      const listed = await h.request('GET', `/events?events=${event.event}&limit=100`);
      expect(listed.body.data.map((e: unknown) => JSON.stringify(e))).toContain(r.body);
      await expect(
        workos.webhooks.constructEvent({
          payload: r.body.replace('"object":"event"', '"object":"evenT"'),
          sigHeader: header as string,
          secret,
        }),
      ).rejects.toThrow();
    }
    expect(names).toEqual([
      'pipes.connected_account.connected',
      'pipes.connected_account.reauthorization_needed',
      'pipes.connected_account.disconnected',
      'pipes.connected_account.connection_failed',
    ]);
    const deliveries = await h.request('GET', `/webhook_endpoints/${endpoint.body.id}/deliveries`);
    expect(deliveries.status).toBe(200);
    expect(deliveries.body.endpoint_health).toBe('healthy');
    expect(deliveries.body.data.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect(
      deliveries.body.data.every(
        (d: { attempt_log: { status_code: number }[] }) => d.attempt_log.length === 1 && d.attempt_log[0]!.status_code === 200,
      ),
    ).toBe(true);
    await h.request('DELETE', `/webhook_endpoints/${endpoint.body.id}`);
  });

  it('retries failures with backoff, keeps every attempt, labels a failing endpoint and re-sends by hand', async () => {
    const endpoint = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: `${receiver.url}/retry`,
      events: ['pipes.connected_account.connected'],
    });
    receiver.received.length = 0;
    receiver.behaviour = { failFirst: 3 };
    for (const user of ['r1', 'r2', 'r3']) {
      expect(
        (await h.request('POST', `/user_management/users/${user}/connected_accounts/github`, { access_token: `tok-${user}` })).status,
      ).toBe(201);
    }
    // After the first round every delivery has failed once: three failures in a row mark it failing.
    await h.deps.deliveryWorker.tickOnce();
    const failing = await h.request('GET', `/webhook_endpoints/${endpoint.body.id}/deliveries`);
    expect(failing.body.endpoint_health).toBe('failing');
    await drain();
    const view = await h.request('GET', `/webhook_endpoints/${endpoint.body.id}/deliveries`);
    expect(view.body.endpoint_health).toBe('healthy');
    for (const d of view.body.data) {
      expect(d.status).toBe('delivered');
      expect(d.attempt_log.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 500, 200]);
      expect(d.attempt_log.slice(0, 3).every((a: { error: string }) => a.error === 'the endpoint answered 500')).toBe(true);
    }
    // Each event got exactly four attempts, the first ones in event order.
    const perEvent = new Map<string, number>();
    for (const r of receiver.at('/hooks/retry')) perEvent.set(r.eventId, (perEvent.get(r.eventId) ?? 0) + 1);
    expect([...perEvent.values()]).toEqual([4, 4, 4]);
    const eventIds = view.body.data.map((d: { event_id: string }) => d.event_id).reverse();
    expect(receiver.firstAttemptOrder('/hooks/retry')).toEqual(eventIds);

    receiver.behaviour = {};
    const before = receiver.at('/hooks/retry').length;
    const resent = await h.request('POST', `/webhook_deliveries/${view.body.data[0].id}/resend`);
    expect(resent.status, resent.text).toBe(202);
    expect(resent.body.status).toBe('pending');
    await drain();
    expect(receiver.at('/hooks/retry').length).toBe(before + 1);
    await h.request('DELETE', `/webhook_endpoints/${endpoint.body.id}`);
  });

  it('an endpoint that hangs: the attempt ends at the timeout and is retried', async () => {
    const endpoint = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: `${receiver.url}/hang`,
      events: ['pipes.connected_account.connected'],
    });
    receiver.received.length = 0;
    receiver.behaviour = { hang: true };
    expect(
      (await h.request('POST', '/user_management/users/hang_user/connected_accounts/github', { access_token: 'tok-hang' })).status,
    ).toBe(201);
    const started = Date.now();
    await h.deps.deliveryWorker.tickOnce();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const view = await h.request('GET', `/webhook_endpoints/${endpoint.body.id}/deliveries`);
    const [delivery] = view.body.data;
    expect(delivery.status).toBe('pending');
    expect(delivery.attempt_log).toHaveLength(1);
    expect(delivery.attempt_log[0]).toMatchObject({ status_code: null, error: 'no answer within 300 ms' });
    receiver.behaviour = {};
    await drain();
    const after = await h.request('GET', `/webhook_endpoints/${endpoint.body.id}/deliveries`);
    expect(after.body.data[0].status).toBe('delivered');
    expect(after.body.data[0].attempt_log.map((a: { status_code: number | null }) => a.status_code)).toEqual([null, 200]);
    await h.request('DELETE', `/webhook_endpoints/${endpoint.body.id}`);
  });

  it('a disabled endpoint gets nothing: its queued retries are cancelled and later events are not queued', async () => {
    const endpoint = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: `${receiver.url}/off`,
      events: ['pipes.connected_account.connected'],
    });
    receiver.received.length = 0;
    receiver.behaviour = { failFirst: 100 };
    expect((await h.request('POST', '/user_management/users/off_1/connected_accounts/github', { access_token: 'tok-off' })).status).toBe(
      201,
    );
    await h.deps.deliveryWorker.tickOnce();
    expect((await h.request('PATCH', `/webhook_endpoints/${endpoint.body.id}`, { status: 'disabled' })).status).toBe(200);
    expect((await h.request('POST', '/user_management/users/off_2/connected_accounts/github', { access_token: 'tok-off2' })).status).toBe(
      201,
    );
    const view = await h.request('GET', `/webhook_endpoints/${endpoint.body.id}/deliveries`);
    expect(view.body.data.map((d: { status: string }) => d.status)).toEqual(['cancelled']);
    receiver.behaviour = {};
    await h.request('DELETE', `/webhook_endpoints/${endpoint.body.id}`);
  });

  it('the outbox is written with its event: a rolled-back event queues nothing, a committed one queues one delivery per endpoint', async () => {
    const endpoint = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: `${receiver.url}/tx`,
      events: ['pipes.connected_account.connected'],
    });
    const event = (id: string) => ({
      id,
      environment_id: h.environmentId,
      event: 'pipes.connected_account.connected',
      organization_id: null,
      data: { object: 'connected_account', id: 'x' },
      created_at: new Date().toISOString(),
    });
    const count = async () =>
      (await h.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpoint.body.id).execute()).length;
    await expect(
      h.store.transaction(async (tx) => {
        await tx.events.insert(event('event_01JROLLEDBACK0000000000000'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await count()).toBe(0);
    await h.store.transaction((tx) => tx.events.insert(event('event_01JCOMMITTED00000000000000')));
    expect(await count()).toBe(1);
    await h.request('DELETE', `/webhook_endpoints/${endpoint.body.id}`);
  });

  it('metrics count attempts by outcome and report the queue by status', async () => {
    const endpoint = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: `${receiver.url}/metrics`,
      events: ['pipes.connected_account.connected'],
    });
    expect(
      (await h.request('POST', '/user_management/users/metrics_user/connected_accounts/github', { access_token: 'tok-m' })).status,
    ).toBe(201);
    const text = await h.deps.metrics.metrics();
    expect(text).toMatch(/openpipes_webhook_attempts_total\{outcome="delivered"\} [1-9]/);
    expect(text).toMatch(/openpipes_webhook_attempts_total\{outcome="retrying"\} [1-9]/);
    expect(text).toMatch(/openpipes_webhook_deliveries\{status="pending"\} 1\n/);
    expect(text).toMatch(/openpipes_webhook_attempt_seconds_count [1-9]/);
    await h.request('DELETE', `/webhook_endpoints/${endpoint.body.id}`);
  });

  let port: number | null = null;
  /** The app on a real port, for the WorkOS SDK (which speaks HTTP, not inject). */
  async function listening(): Promise<number> {
    if (port === null) {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const address = h.app.server.address();
      port = typeof address === 'object' && address ? address.port : 0;
    }
    return port;
  }
});

describe('webhook endpoint URLs without the insecure flag', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['http://hooks.example.com/in', 'https_required'],
    ['https://127.0.0.1/in', 'private_address'],
    ['https://10.1.2.3/in', 'private_address'],
    ['https://192.168.0.10/in', 'private_address'],
    ['https://169.254.169.254/latest/meta-data', 'private_address'],
    ['https://[::1]/in', 'private_address'],
    ['https://2130706433/in', 'private_address'],
    ['https://localhost/in', 'internal_hostname'],
    ['https://metadata.google.internal/in', 'internal_hostname'],
    ['https://user:pw@hooks.example.com/in', 'credentials_in_url'],
  ])('%s is refused (%s) and the refusal says why', async (url, code) => {
    const res = await h.request('POST', '/webhook_endpoints', { endpoint_url: url, events: ['pipes.connected_account.connected'] });
    expect(res.status, res.text).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'endpoint_url', code }]);
    expect(res.body.message.length).toBeGreaterThan(20);
    if (code === 'https_required' || code === 'private_address')
      expect(res.body.message).toContain('OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true');
    expect((await h.request('GET', '/webhook_endpoints')).body.data).toEqual([]);
  });

  it('a public https endpoint is accepted', async () => {
    const res = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: 'https://hooks.example.com/in',
      events: ['pipes.connected_account.connected'],
    });
    expect(res.status, res.text).toBe(201);
  });
});
