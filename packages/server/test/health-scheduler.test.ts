/**
 * The proactive health scheduler (issue 12 item 6) against a scripted token server, with a fake
 * clock the test moves: tokens expiring within the lead time are renewed ahead of use; a revoked
 * grant is found (state, event, webhook); temporary failures back off and never mark a connection;
 * a vend racing the scheduler shares its one refresh.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';
import {
  type ScriptedAnswer,
  type ScriptedRequest,
  startScriptedTokenServer,
  type ScriptedTokenServer,
  scriptedIntegration,
} from './support/scripted-token-server.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LEAD_MS = 15 * MINUTE;
const INTERVAL_MS = 24 * HOUR;
const BACKOFF_MS = MINUTE;
const REAUTH_EVENT = 'pipes.connected_account.reauthorization_needed';

/** Fresh tokens for every refresh; per refresh token, what the test scripted instead. */
const scripts = new Map<string, (req: ScriptedRequest, n: number) => ScriptedAnswer>();
const answer = (req: ScriptedRequest, n: number): ScriptedAnswer => {
  const script = scripts.get(req.form.get('refresh_token') ?? '');
  if (script) return script(req, n);
  return { status: 200, body: { access_token: `fresh-${n}`, refresh_token: `rt-next-${n}`, token_type: 'bearer', expires_in: 3600 } };
};

describe.each(DIALECTS)('health scheduler on %s', (dialect) => {
  let h: Harness;
  let server: ScriptedTokenServer;
  let receiver: WebhookReceiver;
  const clock = { t: Date.parse('2030-01-01T00:00:00Z'), now: () => clock.t };
  let user = 0;

  const scheduler = () => {
    const s = h.deps.healthScheduler;
    if (!s) throw new Error('the harness has no health scheduler');
    return s;
  };
  const tokenRequestsFor = (refreshToken: string) =>
    server.requests.filter((r) => r.path === '/token' && r.form.get('refresh_token') === refreshToken).length;
  const row = (id: string) => h.db.selectFrom('connected_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** A new OAuth connection of the scripted provider whose token expires `inMs` from now. */
  const connect = async (refreshToken: string, inMs: number): Promise<string> => {
    const res = await h.request('POST', `/user_management/users/u${++user}/connected_accounts/scripted`, {
      access_token: `at-${refreshToken}`,
      refresh_token: refreshToken,
      expires_at: new Date(clock.now() + inMs).toISOString(),
      scopes: ['read'],
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };
  /** Makes a connection due now, as its scheduled time arriving would. */
  const dueNow = (ids: string[]) =>
    h.db
      .updateTable('connected_accounts')
      .set({ next_health_check_at: new Date(clock.now()).toISOString() })
      .where('id', 'in', ids)
      .execute();

  beforeAll(async () => {
    server = await startScriptedTokenServer(answer);
    receiver = await WebhookReceiver.start();
    h = await startHarness(dialect, {
      clock,
      allowInsecureProviderUrls: true,
      outboundTimeoutMs: 300,
      // A refresh that timed out is temporary here; the in-doubt hold has its own suite.
      refreshInDoubtMs: 0,
      metrics: { token: null },
      health: { leadMs: LEAD_MS, intervalMs: INTERVAL_MS, backoffBaseMs: BACKOFF_MS, concurrencyPerProvider: 4, batch: 1000 },
    });
    const res = await h.request('POST', '/data-integrations', scriptedIntegration(server));
    expect(res.status, res.text).toBe(201);
  });

  afterAll(async () => {
    await h?.close();
    await server?.close();
    await receiver?.close();
  });

  beforeEach(async () => {
    // Every test starts from nothing due: earlier tests' connections are parked far ahead.
    await h.db.updateTable('connected_accounts').set({ next_health_check_at: '2999-01-01T00:00:00.000Z' }).execute();
    scripts.clear();
  });

  it('renews a token expiring within the lead time ahead of use, and a later one only at its own time', async () => {
    const soonId = await connect('rt-soon', HOUR);
    const laterId = await connect('rt-later', 6 * HOUR);
    const t0 = clock.now();
    await scheduler().tickOnce();
    const soonPlanned = Date.parse((await row(soonId)).next_health_check_at!);
    const laterPlanned = Date.parse((await row(laterId)).next_health_check_at!);
    // Planned within the later half of the lead window before expiry (or earlier, by the interval's spread).
    expect(soonPlanned).toBeGreaterThanOrEqual(t0);
    expect(soonPlanned).toBeLessThanOrEqual(t0 + HOUR - LEAD_MS / 2);
    expect(laterPlanned).toBeLessThanOrEqual(t0 + 6 * HOUR - LEAD_MS / 2);
    expect(tokenRequestsFor('rt-soon')).toBe(0);

    clock.t = soonPlanned;
    await scheduler().tickOnce();
    expect(tokenRequestsFor('rt-soon')).toBe(1);
    expect(tokenRequestsFor('rt-later')).toBe(laterPlanned <= soonPlanned ? 1 : 0);
    const soon = await row(soonId);
    expect(soon.state).toBe('connected');
    expect(soon.last_health_check_result).toBe('ok');
    expect(soon.last_health_check_at).toBe(new Date(clock.t).toISOString());
    expect(soon.last_refreshed_at).toBe(new Date(clock.t).toISOString());
    expect(soon.health_check_failures).toBe(0);
    // Renewed before the vend path would have (its margin is 5 minutes): a vend now needs no refresh.
    expect(Date.parse(soon.expires_at!)).toBeGreaterThan(clock.t + HOUR - MINUTE);
    const vend = await h.request('POST', '/data-integrations/scripted/token', { user_id: soon.user_id });
    expect(vend.status, vend.text).toBe(200);
    expect(tokenRequestsFor('rt-soon')).toBe(1);
    // Next: before the new token's own lead window, never sooner.
    expect(Date.parse(soon.next_health_check_at!)).toBeGreaterThan(clock.t);
    expect(Date.parse(soon.next_health_check_at!)).toBeLessThanOrEqual(Date.parse(soon.expires_at!) - LEAD_MS / 2);

    // Nothing more is due now: another tick sends nothing.
    const before = server.count('/token');
    await scheduler().tickOnce();
    expect(server.count('/token')).toBe(before);

    clock.t = Math.max(clock.t, laterPlanned);
    await scheduler().tickOnce();
    expect(tokenRequestsFor('rt-later')).toBe(1);
    expect((await row(laterId)).last_health_check_result).toBe('ok');
  });

  it('finds a revoked grant: needs_reauthorization, the event, and its webhook delivered', async () => {
    const endpoint = await h.request('POST', '/webhook_endpoints', { endpoint_url: `${receiver.url}/reauth`, events: [REAUTH_EVENT] });
    expect(endpoint.status, endpoint.text).toBe(201);
    const id = await connect('rt-revoked', 30 * 24 * HOUR);
    scripts.set('rt-revoked', () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'revoked' } }));
    await dueNow([id]);

    await scheduler().tickOnce();
    expect(tokenRequestsFor('rt-revoked')).toBe(1);
    const after = await row(id);
    expect(after.state).toBe('needs_reauthorization');
    expect(after.last_health_check_result).toBe('needs_reauthorization');
    expect(after.next_health_check_at).toBeNull();

    const events = await h.request('GET', `/events?events=${REAUTH_EVENT}&limit=100`);
    const mine = (events.body.data as { id: string; data: { id: string } }[]).filter((e) => e.data.id === id);
    expect(mine).toHaveLength(1);
    await h.deps.deliveryWorker.tickOnce();
    const delivered = receiver.at('/hooks/reauth').map((r) => JSON.parse(r.body) as { id: string; event: string; data: { id: string } });
    expect(delivered.map((d) => [d.id, d.event, d.data.id])).toEqual([[mine[0]!.id, REAUTH_EVENT, id]]);

    // Not connected any more: the scheduler leaves it alone.
    await scheduler().tickOnce();
    expect(tokenRequestsFor('rt-revoked')).toBe(1);
  });

  it('100 transient failures (503, 429, timeouts) mark nothing, record temporary_failure and back off exponentially', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      const rt = `rt-flaky-${i}`;
      ids.push(await connect(rt, 30 * 24 * HOUR));
      scripts.set(rt, () =>
        i % 10 === 0
          ? { status: 200, body: {}, delayMs: Number.POSITIVE_INFINITY } // no answer: the 300 ms deadline
          : i % 10 === 1
            ? { status: 429, body: { error: 'slow_down' }, headers: { 'retry-after': '30' } }
            : { status: 503, body: { error: 'temporarily_unavailable' } },
      );
    }
    await dueNow(ids);
    const before = await h.db
      .selectFrom('connected_accounts')
      .select(['id', 'state', 'updated_at', 'expires_at'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();

    for (const [round, wait] of [
      [1, BACKOFF_MS],
      [2, 2 * BACKOFF_MS],
      [3, 4 * BACKOFF_MS],
    ] as const) {
      const t = clock.now();
      await scheduler().tickOnce();
      const rows = await h.db.selectFrom('connected_accounts').selectAll().where('id', 'in', ids).orderBy('id').execute();
      expect(rows.map((r) => r.state)).toEqual(ids.map(() => 'connected'));
      expect(new Set(rows.map((r) => r.last_health_check_result))).toEqual(new Set(['temporary_failure']));
      expect(new Set(rows.map((r) => r.health_check_failures))).toEqual(new Set([round]));
      for (const r of rows) {
        const next = Date.parse(r.next_health_check_at!) - t;
        expect(next).toBeGreaterThanOrEqual(wait * 0.9);
        expect(next).toBeLessThanOrEqual(wait * 1.1);
      }
      // Recording a look does not touch the connection itself.
      expect(rows.map((r) => ({ id: r.id, state: r.state, updated_at: r.updated_at, expires_at: r.expires_at }))).toEqual(before);
      for (let i = 0; i < 100; i++) expect(tokenRequestsFor(`rt-flaky-${i}`)).toBe(round);
      // Backed off: a tick before the retry time sends nothing.
      await scheduler().tickOnce();
      for (let i = 0; i < 100; i++) expect(tokenRequestsFor(`rt-flaky-${i}`)).toBe(round);
      clock.t += wait * 1.1 + 1;
    }
    const reauth = await h.request('GET', `/events?events=${REAUTH_EVENT}&limit=100`);
    expect((reauth.body.data as { data: { id: string } }[]).filter((e) => ids.includes(e.data.id))).toEqual([]);

    // Recovery: one success resets the count; the next look comes before the new one-hour token's lead window ends.
    scripts.clear();
    const t = clock.now();
    await scheduler().tickOnce();
    const rows = await h.db.selectFrom('connected_accounts').selectAll().where('id', 'in', ids).execute();
    expect(new Set(rows.map((r) => `${r.last_health_check_result}/${r.health_check_failures}`))).toEqual(new Set(['ok/0']));
    // Counted on /metrics by result (3 rounds of 100 temporary failures, then 100 ok, at least).
    const metrics = await h.request('GET', '/metrics');
    const counted = (result: string) =>
      Number(new RegExp(`^openpipes_health_checks_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(metrics.text)?.[1] ?? 0);
    expect(counted('temporary_failure')).toBeGreaterThanOrEqual(300);
    expect(counted('ok')).toBeGreaterThanOrEqual(100);
    for (const r of rows) {
      expect(Date.parse(r.next_health_check_at!) - t).toBeGreaterThanOrEqual(HOUR - LEAD_MS);
      expect(Date.parse(r.next_health_check_at!) - t).toBeLessThanOrEqual(HOUR - LEAD_MS / 2);
    }
  }, 60_000);

  it('a vend racing the scheduler shares its one refresh', async () => {
    // Expired: the vend needs a refresh too; the provider is slow, so both arrive while it is out.
    const id = await connect('rt-race', -MINUTE);
    scripts.set('rt-race', (_req, n) => ({
      status: 200,
      body: { access_token: `raced-${n}`, refresh_token: `rt-raced-${n}`, token_type: 'bearer', expires_in: 3600 },
      delayMs: 150,
    }));
    await dueNow([id]);
    const userId = (await row(id)).user_id;
    const [looked, ...vends] = await Promise.all([
      scheduler().tickOnce(),
      ...Array.from({ length: 5 }, () => h.request('POST', '/data-integrations/scripted/token', { user_id: userId })),
    ]);
    expect(looked).toBe(1);
    expect(tokenRequestsFor('rt-race')).toBe(1);
    const tokens = new Set(vends.map((v) => v.body.access_token.access_token as string));
    expect(vends.map((v) => v.status)).toEqual([200, 200, 200, 200, 200]);
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toMatch(/^raced-/);
    const after = await row(id);
    expect(after.last_health_check_result).toBe('ok');
  });

  it('a connection renewed by a vend within the interval is not renewed again, only rescheduled', async () => {
    const id = await connect('rt-vended', -MINUTE);
    const userId = (await row(id)).user_id;
    const vend = await h.request('POST', '/data-integrations/scripted/token', { user_id: userId });
    expect(vend.status, vend.text).toBe(200);
    expect(tokenRequestsFor('rt-vended')).toBe(1);
    const renewed = await row(id);
    expect(renewed.last_refreshed_at).toBe(new Date(clock.now()).toISOString());
    await dueNow([id]);
    const requests = server.count('/token');

    clock.t += MINUTE;
    await scheduler().tickOnce();
    expect(server.count('/token')).toBe(requests);
    const after = await row(id);
    // Not a check: nothing was sent; only the next look moved, to an interval after the vend's renewal
    // (or the new token's lead window, whichever comes first).
    expect(after.last_health_check_at).toBeNull();
    expect(after.updated_at).toBe(renewed.updated_at);
    const next = Date.parse(after.next_health_check_at!);
    expect(next).toBeGreaterThan(clock.now());
    expect(next).toBeLessThanOrEqual(Date.parse(after.expires_at!) - LEAD_MS / 2);
  });
});
