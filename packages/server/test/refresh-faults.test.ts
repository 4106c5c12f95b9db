/**
 * docs/security.md §9, §10 and §12 on the refresh path: a provider that fails temporarily (5xx, 429,
 * no answer, an error inside a 200 from a provider that does not speak that dialect) never changes
 * a connection; a token still valid is served while it lasts, an expired one gets a 503 with
 * Retry-After; only `invalid_grant` marks the connection `needs_reauthorization`, once, with one
 * event. A refresh answer without a refresh_token keeps the old one.
 *
 * A refresh whose outcome is unknown (no answer before the deadline, or the connection lost after
 * the request went out) may still land and rotate the refresh token: for the in-doubt window no
 * other refresh of that connection is sent (docs/reliability.md, "A provider that never answers").
 */
import { freePort, startHarness } from './support/harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretContext } from '../src/crypto/keyring.ts';
import { DIALECTS } from './support/dialects.ts';
import { startFaultTokenServer, type FaultMode, type FaultTokenServer } from './support/fault-token-server.ts';
import type { Harness } from './support/harness.ts';
import { startScriptedTokenServer, type ScriptedTokenServer } from './support/scripted-token-server.ts';
import { expireAccount } from './support/expire-account.ts';

const OUTBOUND_TIMEOUT_MS = 300;
/** The default OPENPIPES_REFRESH_IN_DOUBT_SECONDS, in ms. */
const IN_DOUBT_MS = 60_000;
const REAUTH_EVENT = 'pipes.connected_account.reauthorization_needed';

/** (a) valid for another minute, but inside the 5-minute refresh margin. */
const IN_MARGIN = { user: 'user_in_margin', access: 'at-in-margin', refresh: 'rt-in-margin' };
/** (b) already expired. */
const EXPIRED = { user: 'user_expired', access: 'at-expired', refresh: 'rt-expired' };

const customIntegration = (slug: string, server: { url: string; tokenUrl: string; revocationUrl: string }) => ({
  provider: slug,
  enabled: true,
  scopes: ['read'],
  credentials: { type: 'custom', client_id: `${slug}-client`, client_secret: `${slug}-secret` },
  custom_provider: {
    name: `Faulty ${slug}`,
    authorization_url: `${server.url}/authorize`,
    token_url: server.tokenUrl,
    revocation_url: server.revocationUrl,
  },
});

describe.each(DIALECTS)('refresh against a failing provider on %s', (dialect) => {
  let h: Harness;
  let fault: FaultTokenServer;
  let scripted: ScriptedTokenServer;
  let inMarginExpiresAt: string;
  /** The service's clock: real time plus `offset`, so a test can step past the in-doubt window. */
  const clock = { offset: 0, now: () => Date.now() + clock.offset };

  const vend = (userId: string, slug = 'faulty') => h.request('POST', `/data-integrations/${slug}/token`, { user_id: userId });
  const accountRow = (userId: string) =>
    h.db.selectFrom('connected_accounts').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
  const openToken = (row: { id: string; environment_id: string }, column: 'access_token' | 'refresh_token', sealed: string) =>
    h.keyring.open(sealed, secretContext(row.environment_id, 'connected_accounts', column, row.id));
  /** What must not move on a temporary failure. */
  const snapshot = () =>
    h.db
      .selectFrom('connected_accounts')
      .select(['id', 'user_id', 'state', 'access_token', 'refresh_token', 'expires_at'])
      .orderBy('id')
      .execute();
  const reauthEvents = async (userId?: string) => {
    const res = await h.request('GET', `/events?events=${REAUTH_EVENT}&limit=100`);
    expect(res.status, res.text).toBe(200);
    return (res.body.data as any[]).filter((e) => userId === undefined || e.data.user_id === userId);
  };
  /** Creates the user's connection (201), or replaces its tokens when `replacing` (200). */
  const importAccount = async (
    slug: string,
    who: { user: string; access: string; refresh: string },
    expiresAt: string,
    replacing = false,
  ) => {
    const res = await h.request('POST', `/user_management/users/${who.user}/connected_accounts/${slug}`, {
      access_token: who.access,
      refresh_token: who.refresh,
      expires_at: expiresAt,
      scopes: ['read'],
    });
    expect(res.status, res.text).toBe(replacing ? 200 : 201);
    return res.body;
  };
  /** A connection due for renewal but still valid for `validMs` (an hour-old token: inside the margin). */
  const importDue = async (slug: string, who: { user: string; access: string; refresh: string }, validMs: number) => {
    const expiresAt = new Date(clock.now() + validMs).toISOString();
    const a = await importAccount(slug, who, expiresAt);
    // The margin is capped at half the lifetime counted from updated_at: an hour-old token is "due".
    await h.db
      .updateTable('connected_accounts')
      .set({ updated_at: new Date(clock.now() - 60 * 60_000).toISOString() })
      .where('id', '=', a.id)
      .execute();
    return expiresAt;
  };
  const inDoubtUntil = async (userId: string) => (await accountRow(userId)).refresh_in_doubt_until;

  beforeAll(async () => {
    fault = await startFaultTokenServer('ok');
    scripted = await startScriptedTokenServer();
    h = await startHarness(dialect, { allowInsecureProviderUrls: true, outboundTimeoutMs: OUTBOUND_TIMEOUT_MS, clock });
    for (const [slug, server] of [
      ['faulty', fault],
      ['norotate', scripted],
    ] as const) {
      const res = await h.request('POST', '/data-integrations', customIntegration(slug, server));
      expect(res.status, res.text).toBe(201);
    }

    inMarginExpiresAt = await importDue('faulty', IN_MARGIN, 60_000);
    await importAccount('faulty', EXPIRED, new Date(Date.now() - 60_000).toISOString());
  });

  afterAll(async () => {
    await h?.close();
    await fault?.close();
    await scripted?.close();
  });

  // Clear answers only: a call without an answer (timeout, dropped) is the in-doubt case below.
  const temporaryModes: { mode: FaultMode; retryAfter: string | null }[] = [
    { mode: 'server_error', retryAfter: null },
    { mode: 'rate_limited', retryAfter: '5' },
    // Custom providers do not answer errors inside a 200 (tokenErrorInOkResponse false): such an
    // answer is unreadable ('malformed'), not a dead grant, so it is treated like a temporary failure.
    { mode: 'github_error_200', retryAfter: null },
  ];

  it.each(temporaryModes)(
    '$mode: the in-margin token is served as is, the expired one gets 503 + Retry-After, nothing changes',
    async ({ mode, retryAfter }) => {
      fault.setMode(mode);
      const before = await snapshot();
      const requestsBefore = fault.count('/token');

      const t0 = performance.now();
      const a = await vend(IN_MARGIN.user);
      const aMs = performance.now() - t0;
      expect(a.status, a.text).toBe(200);
      expect(a.body).toMatchObject({ active: true, access_token: { object: 'access_token', access_token: IN_MARGIN.access } });
      expect(Date.parse(a.body.access_token.expires_at)).toBe(Date.parse(inMarginExpiresAt));
      // It was due for renewal, so the provider was asked exactly once (and with the stored refresh token).
      expect(fault.count('/token')).toBe(requestsBefore + 1);
      expect(new URLSearchParams(fault.requests.filter((r) => r.path === '/token').at(-1)!.body).get('refresh_token')).toBe(
        IN_MARGIN.refresh,
      );

      const b = await vend(EXPIRED.user);
      expect(b.status, b.text).toBe(503);
      expect(b.body.code).toBe('provider_unavailable');
      expect(b.text).not.toContain(EXPIRED.refresh);
      const header = b.headers['retry-after'];
      expect(String(header)).toMatch(/^\d+$/);
      expect(Number(header)).toBeGreaterThan(0);
      if (retryAfter !== null) expect(String(header)).toBe(retryAfter);
      expect(fault.count('/token')).toBe(requestsBefore + 2);
      expect(aMs).toBeLessThan(2_000);

      expect(await snapshot()).toEqual(before);
      expect(before.every((r) => r.state === 'connected')).toBe(true);
      expect(await reauthEvents()).toEqual([]);
      // The provider answered, so nothing is in doubt: no mark, and (not stuck on a lock either)
      // the next vend asks the provider again.
      expect(await inDoubtUntil(IN_MARGIN.user)).toBeNull();
      expect(await inDoubtUntil(EXPIRED.user)).toBeNull();
      expect((await vend(EXPIRED.user)).status).toBe(503);
      expect(fault.count('/token')).toBe(requestsBefore + 3);
    },
  );

  it('invalid_grant: 5 concurrent vends of the expired account → one token request, needs_reauthorization, one event', async () => {
    fault.setMode('invalid_grant');
    const requestsBefore = fault.count('/token');
    const answers = await Promise.all(Array.from({ length: 5 }, () => vend(EXPIRED.user)));
    expect(answers.map((r) => [r.status, r.body])).toEqual(
      Array.from({ length: 5 }, () => [200, { active: false, error: 'needs_reauthorization' }]),
    );
    expect(fault.count('/token')).toBe(requestsBefore + 1);

    const row = await accountRow(EXPIRED.user);
    expect(row.state).toBe('needs_reauthorization');
    // The tokens are kept (a re-authorization replaces them); only the state moved.
    expect(openToken(row, 'refresh_token', row.refresh_token!)).toBe(EXPIRED.refresh);
    expect(await reauthEvents(EXPIRED.user)).toHaveLength(1);
    expect(await reauthEvents()).toHaveLength(1);

    // Final: later vends answer from storage without asking the provider again.
    expect((await vend(EXPIRED.user)).body).toEqual({ active: false, error: 'needs_reauthorization' });
    expect(fault.count('/token')).toBe(requestsBefore + 1);
    // The other account is untouched.
    expect((await accountRow(IN_MARGIN.user)).state).toBe('connected');
  });

  it('after the faults, the in-margin account refreshes normally (no lease or lock left behind)', async () => {
    fault.setMode('ok');
    const requestsBefore = fault.count('/token');
    const res = await vend(IN_MARGIN.user);
    expect(res.status, res.text).toBe(200);
    expect(res.body.active).toBe(true);
    expect(res.body.access_token.access_token).toMatch(/^fault-at-\d+$/);
    expect(Date.parse(res.body.access_token.expires_at)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(fault.count('/token')).toBe(requestsBefore + 1);
    const row = await accountRow(IN_MARGIN.user);
    expect(openToken(row, 'access_token', row.access_token!)).toBe(res.body.access_token.access_token);
    expect(openToken(row, 'refresh_token', row.refresh_token!)).toBe(res.body.access_token.access_token.replace('fault-at-', 'fault-rt-'));
    expect(row.refresh_lock_until).toBeNull();
    // Fresh now: served from storage.
    expect((await vend(IN_MARGIN.user)).body.access_token.access_token).toBe(res.body.access_token.access_token);
    expect(fault.count('/token')).toBe(requestsBefore + 1);
  });

  it('a refresh answer without refresh_token keeps the old refresh token (RFC 6749 §6)', async () => {
    const keeper = { user: 'user_keeper', access: 'at-keeper', refresh: 'rt-keeper' };
    await importAccount('norotate', keeper, new Date(Date.now() - 60_000).toISOString());

    const first = await vend(keeper.user, 'norotate');
    expect(first.status, first.text).toBe(200);
    expect(first.body.access_token.access_token).toBe('scripted-at-1');
    let row = await accountRow(keeper.user);
    expect(openToken(row, 'access_token', row.access_token!)).toBe('scripted-at-1');
    expect(openToken(row, 'refresh_token', row.refresh_token!)).toBe(keeper.refresh);

    // Expire it again: the second refresh must present the kept refresh token.
    await expireAccount(h.db, row.id);
    const second = await vend(keeper.user, 'norotate');
    expect(second.body.access_token.access_token).toBe('scripted-at-2');
    const sent = scripted.requests.filter((r) => r.path === '/token').map((r) => [r.form.get('grant_type'), r.form.get('refresh_token')]);
    expect(sent).toEqual([
      ['refresh_token', keeper.refresh],
      ['refresh_token', keeper.refresh],
    ]);
    row = await accountRow(keeper.user);
    expect(row.state).toBe('connected');
    expect(openToken(row, 'refresh_token', row.refresh_token!)).toBe(keeper.refresh);
  });

  // These run last: they move the clock past the in-doubt window.
  describe('a refresh whose outcome is unknown', () => {
    it.each(['timeout', 'dropped'] as const)(
      '%s: for the window no refresh is sent (the valid token is served, the expired one gets 503 + Retry-After), then it refreshes',
      async (mode) => {
        const due = { user: `user_doubt_due_${mode}`, access: `at-doubt-due-${mode}`, refresh: `rt-doubt-due-${mode}` };
        const expired = { user: `user_doubt_exp_${mode}`, access: `at-doubt-exp-${mode}`, refresh: `rt-doubt-exp-${mode}` };
        // Valid for 4 minutes: inside the 5-minute margin, and still valid once the window is over.
        const dueExpiresAt = await importDue('faulty', due, 4 * 60_000);
        await importAccount('faulty', expired, new Date(clock.now() - 60_000).toISOString());
        fault.setMode(mode);
        const requestsBefore = fault.count('/token');

        const t0 = performance.now();
        const a = await vend(due.user);
        expect(performance.now() - t0).toBeLessThan(OUTBOUND_TIMEOUT_MS + 2_000);
        expect(a.status, a.text).toBe(200);
        expect(a.body.access_token.access_token).toBe(due.access);
        const b = await vend(expired.user);
        expect(b.status, b.text).toBe(503);
        expect(b.body.code).toBe('provider_unavailable');
        expect(b.headers['retry-after']).toBe(String(IN_DOUBT_MS / 1000));
        expect(fault.count('/token')).toBe(requestsBefore + 2);
        for (const who of [due, expired]) {
          const until = Date.parse((await inDoubtUntil(who.user))!);
          expect(until).toBeGreaterThan(clock.now() + IN_DOUBT_MS - 5_000);
          expect(until).toBeLessThanOrEqual(clock.now() + IN_DOUBT_MS);
        }

        // Halfway through the window the provider would answer, but is not asked.
        fault.setMode('ok');
        clock.offset += IN_DOUBT_MS / 2;
        const c = await vend(expired.user);
        expect(c.status, c.text).toBe(503);
        expect(c.body.code).toBe('provider_unavailable');
        expect(Number(c.headers['retry-after'])).toBeGreaterThanOrEqual(IN_DOUBT_MS / 2000 - 2);
        expect(Number(c.headers['retry-after'])).toBeLessThanOrEqual(IN_DOUBT_MS / 2000);
        const d = await vend(due.user);
        expect(d.status, d.text).toBe(200);
        expect(d.body.access_token).toMatchObject({ access_token: due.access, expires_at: dueExpiresAt });
        expect(fault.count('/token')).toBe(requestsBefore + 2);

        // Past the window: each vend refreshes once, with the stored refresh token, and the mark goes.
        clock.offset += IN_DOUBT_MS / 2 + 1_000;
        for (const who of [expired, due]) {
          const sent = fault.count('/token');
          const res = await vend(who.user);
          expect(res.status, res.text).toBe(200);
          expect(res.body.access_token.access_token).toMatch(/^fault-at-\d+$/);
          expect(fault.count('/token')).toBe(sent + 1);
          expect(new URLSearchParams(fault.requests.filter((r) => r.path === '/token').at(-1)!.body).get('refresh_token')).toBe(
            who.refresh,
          );
          const row = await accountRow(who.user);
          expect(row.state).toBe('connected');
          expect(row.refresh_in_doubt_until).toBeNull();
        }
        expect(await reauthEvents(due.user)).toEqual([]);
        expect(await reauthEvents(expired.user)).toEqual([]);
      },
    );

    it('a refused connection (nothing was sent) is not in doubt: the next vend tries again', async () => {
      const closed = `http://127.0.0.1:${await freePort()}`;
      const res = await h.request(
        'POST',
        '/data-integrations',
        customIntegration('refused', { url: closed, tokenUrl: `${closed}/token`, revocationUrl: `${closed}/revoke` }),
      );
      expect(res.status, res.text).toBe(201);
      const who = { user: 'user_refused', access: 'at-refused', refresh: 'rt-refused' };
      await importAccount('refused', who, new Date(clock.now() - 60_000).toISOString());
      for (let i = 0; i < 2; i++) {
        const v = await vend(who.user, 'refused');
        expect(v.status, v.text).toBe(503);
        // The ordinary short Retry-After, not the in-doubt window.
        expect(v.headers['retry-after']).toBe('5');
        expect(await inDoubtUntil(who.user)).toBeNull();
      }
    });

    it('new tokens (a re-authorization by import) end the doubt: the next vend refreshes with them at once', async () => {
      const first = { user: 'user_doubt_reauth', access: 'at-reauth-1', refresh: 'rt-reauth-1' };
      await importAccount('faulty', first, new Date(clock.now() - 60_000).toISOString());
      fault.setMode('timeout');
      expect((await vend(first.user)).status).toBe(503);
      expect(await inDoubtUntil(first.user)).not.toBeNull();

      // Still expired, so the next vend must refresh: it can only if the import cleared the mark.
      const second = { ...first, access: 'at-reauth-2', refresh: 'rt-reauth-2' };
      await importAccount('faulty', second, new Date(clock.now() - 60_000).toISOString(), true);
      expect(await inDoubtUntil(first.user)).toBeNull();
      fault.setMode('ok');
      const sent = fault.count('/token');
      const res = await vend(first.user);
      expect(res.status, res.text).toBe(200);
      expect(fault.count('/token')).toBe(sent + 1);
      expect(new URLSearchParams(fault.requests.filter((r) => r.path === '/token').at(-1)!.body).get('refresh_token')).toBe(second.refresh);
    });
  });
});
