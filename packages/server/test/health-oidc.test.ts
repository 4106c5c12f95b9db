/**
 * The proactive health scheduler (issue 12 item 6) against a REAL authorization server
 * (oidc-provider, refresh-token rotation on), with a fake clock the test moves for OpenPipes only:
 * a token expiring within the lead time is renewed by one tick and the new token is accepted by the
 * provider; a connection unrefreshed for longer than the interval is exercised; a grant revoked at
 * the provider is found by the next tick (state, result, one event); a vend racing a tick causes
 * one refresh grant in total. The provider keeps real time, so its tokens stay valid throughout.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { type OidcServer, startOidcServer } from './support/oidc-server.ts';
import { obtainTokens, type ProviderTokens } from './support/oidc-tokens.ts';
import { oidcIntegrationBody } from './support/process-cluster.ts';

const SLUG = 'acme';
const CLIENT_ID = 'health-oidc';
const SCOPE = 'openid offline_access read';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LEAD_MS = 15 * MINUTE;
const INTERVAL_MS = 24 * HOUR; // OPENPIPES_HEALTH_CHECK_HOURS=24
const REAUTH_EVENT = 'pipes.connected_account.reauthorization_needed';

describe.each(DIALECTS)('health scheduler against oidc-provider on %s', (dialect) => {
  let h: Harness;
  let oidc: OidcServer;
  let redirectUri: string;
  // Starts at real time, so the expiries OpenPipes stores read like the provider's; moved by the tests.
  const clock = { t: Date.now(), now: () => clock.t };
  const iso = (t: number) => new Date(t).toISOString();

  const scheduler = () => {
    const s = h.deps.healthScheduler;
    if (!s) throw new Error('the harness has no health scheduler');
    return s;
  };
  const row = (id: string) => h.db.selectFrom('connected_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const storedAccessToken = async (id: string) => (await h.store.accounts.byIdOnly(id))!.access_token!.open();
  /** Whether the provider accepts the access token (userinfo: 200 and the user's own subject). */
  const userinfoSubject = async (accessToken: string): Promise<string | null> => {
    const res = await fetch(oidc.userinfoUrl, { headers: { authorization: `Bearer ${accessToken}` } });
    return res.status === 200 ? ((await res.json()) as { sub: string }).sub : null;
  };
  /** Real tokens for `user` (login, consent, code grant), imported as a connection expiring `inMs` from now. */
  const connect = async (user: string, inMs: number): Promise<{ id: string; tokens: ProviderTokens }> => {
    const tokens = await obtainTokens(oidc, { clientId: CLIENT_ID, clientSecret: `${CLIENT_ID}-secret`, redirectUri, scope: SCOPE }, user);
    const res = await h.request('POST', `/user_management/users/${user}/connected_accounts/${SLUG}`, {
      access_token: tokens.access_token,
      refresh_token: tokens.refresh_token,
      expires_at: iso(clock.now() + inMs),
      scopes: SCOPE.split(' '),
    });
    expect(res.status, res.text).toBe(201);
    // From here on the provider's counts are OpenPipes' requests only (not this code grant).
    oidc.resetCounts();
    return { id: res.body.id as string, tokens };
  };
  /** Makes a connection due now, as its scheduled time arriving would. */
  const dueNow = (id: string) =>
    h.db
      .updateTable('connected_accounts')
      .set({ next_health_check_at: iso(clock.now()) })
      .where('id', '=', id)
      .execute();
  const vend = (user: string) => h.request('POST', `/data-integrations/${SLUG}/token`, { user_id: user });

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
    h = await startHarness(dialect, {
      clock,
      allowInsecureProviderUrls: true,
      health: { leadMs: LEAD_MS, intervalMs: INTERVAL_MS, backoffBaseMs: MINUTE, concurrencyPerProvider: 4, batch: 100 },
    });
    const created = await h.request('POST', '/data-integrations', oidcIntegrationBody(SLUG, oidc, CLIENT_ID, SCOPE.split(' ')));
    expect(created.status, created.text).toBe(201);
    redirectUri = created.body.redirect_uri as string;
    oidc.registerClient({ clientId: CLIENT_ID, clientSecret: `${CLIENT_ID}-secret`, redirectUris: [redirectUri] });
  });

  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  beforeEach(async () => {
    // Each test counts only its own grants: earlier tests' connections are parked far ahead.
    await h.db.updateTable('connected_accounts').set({ next_health_check_at: '2999-01-01T00:00:00.000Z' }).execute();
  });

  afterEach(() => {
    expect(oidc.serverErrors).toEqual([]);
  });

  it('renews a token expiring within the lead time with one tick; the provider accepts the new token', async () => {
    const { id, tokens } = await connect('user_lead', HOUR);
    const expiresAt = clock.now() + HOUR;
    // Not within the lead time yet: the tick only plans its first look.
    await scheduler().tickOnce();
    expect(oidc.counts.tokenRequests).toBe(0);
    expect((await row(id)).next_health_check_at).not.toBeNull();

    // Half the lead time before expiry (the latest its spread plans it), still outside the vend's 5-minute margin.
    clock.t = expiresAt - LEAD_MS / 2;
    expect(await scheduler().tickOnce()).toBe(1);
    expect(oidc.counts).toMatchObject({ tokenRequests: 1, refreshGrants: 1, grantError: 0 });
    const after = await row(id);
    expect(after.state).toBe('connected');
    expect(after.last_health_check_result).toBe('ok');
    expect(after.last_health_check_at).toBe(iso(clock.t));
    expect(after.last_refreshed_at).toBe(iso(clock.t));
    expect(Date.parse(after.expires_at!)).toBe(clock.t + 3600_000);
    const renewed = await storedAccessToken(id);
    expect(renewed).not.toBe(tokens.access_token);
    expect(await userinfoSubject(renewed)).toBe('user_lead');

    // Renewed ahead of use: a vend now is served the new token without asking the provider again.
    const vended = await vend('user_lead');
    expect(vended.status, vended.text).toBe(200);
    expect(vended.body.access_token.access_token).toBe(renewed);
    await scheduler().tickOnce();
    expect(oidc.counts.tokenRequests).toBe(1);
  });

  it('exercises a connection not near expiry but unrefreshed for longer than the interval, which stays connected', async () => {
    const { id, tokens } = await connect('user_idle', 30 * 24 * HOUR);
    const t0 = clock.now();
    // As if its grant had last been exercised now; its token is good for 30 days more.
    await h.db
      .updateTable('connected_accounts')
      .set({ last_refreshed_at: iso(t0) })
      .where('id', '=', id)
      .execute();
    await scheduler().tickOnce();
    clock.t = t0 + 0.8 * INTERVAL_MS;
    await scheduler().tickOnce();
    // Within the interval (less its 10 % spread) nothing is sent, even if an early first look came up.
    expect(oidc.counts.tokenRequests).toBe(0);

    clock.t = t0 + 1.1 * INTERVAL_MS + 1;
    expect(Date.parse((await row(id)).expires_at!) - clock.t).toBeGreaterThan(20 * 24 * HOUR);
    expect(await scheduler().tickOnce()).toBe(1);
    expect(oidc.counts).toMatchObject({ tokenRequests: 1, refreshGrants: 1, grantError: 0 });
    const after = await row(id);
    expect(after.state).toBe('connected');
    expect(after.last_health_check_result).toBe('ok');
    expect(after.last_refreshed_at).toBe(iso(clock.t));
    expect(after.health_check_failures).toBe(0);
    const renewed = await storedAccessToken(id);
    expect(renewed).not.toBe(tokens.access_token);
    expect(await userinfoSubject(renewed)).toBe('user_idle');
    // Next look: about an interval later (or the new one-hour token's lead window, whichever comes first).
    const next = Date.parse(after.next_health_check_at!);
    expect(next).toBeGreaterThan(clock.t);
    expect(next).toBeLessThanOrEqual(Date.parse(after.expires_at!) - LEAD_MS / 2);
  });

  it('finds a grant revoked at the provider on the next tick: needs_reauthorization and exactly one event', async () => {
    const { id, tokens } = await connect('user_revoked', 30 * 24 * HOUR);
    const revoked = await fetch(oidc.revocationUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: tokens.refresh_token,
        token_type_hint: 'refresh_token',
        client_id: CLIENT_ID,
        client_secret: `${CLIENT_ID}-secret`,
      }),
    });
    expect(revoked.status).toBe(200);
    expect(oidc.counts.grantRevoked).toBe(1);
    // Its access token is gone with the grant; OpenPipes cannot know until it asks.
    expect(await userinfoSubject(tokens.access_token)).toBeNull();
    await dueNow(id);

    expect(await scheduler().tickOnce()).toBe(1);
    expect(oidc.counts).toMatchObject({ tokenRequests: 1, refreshGrants: 0, grantError: 1 });
    expect(oidc.errors.map((e) => [e.grantType, e.error])).toEqual([['refresh_token', 'invalid_grant']]);
    const after = await row(id);
    expect(after.state).toBe('needs_reauthorization');
    expect(after.last_health_check_result).toBe('needs_reauthorization');
    expect(after.last_health_check_at).toBe(iso(clock.t));
    expect(after.next_health_check_at).toBeNull();

    // Ticks after that leave it alone: no further request, still one event.
    clock.t += INTERVAL_MS * 2;
    await scheduler().tickOnce();
    expect(oidc.counts.tokenRequests).toBe(1);
    const events = await h.request('GET', `/events?events=${REAUTH_EVENT}&limit=100`);
    expect(events.status, events.text).toBe(200);
    const mine = (events.body.data as { event: string; data: { id: string; state: string } }[]).filter((e) => e.data.id === id);
    expect(mine.map((e) => [e.event, e.data.state])).toEqual([[REAUTH_EVENT, 'needs_reauthorization']]);
    expect((await vend('user_revoked')).body).toEqual({ active: false, error: 'needs_reauthorization' });
  });

  it('a vend racing a tick on an expiring connection causes one refresh grant in total', async () => {
    // Expired: the vends need a refresh as much as the scheduler does.
    const { id, tokens } = await connect('user_race', -MINUTE);
    await dueNow(id);
    const [looked, ...vends] = await Promise.all([scheduler().tickOnce(), ...Array.from({ length: 5 }, () => vend('user_race'))]);
    expect(looked).toBe(1);
    // A second refresh would have presented the rotated (spent) token: invalid_grant, and the grant revoked.
    expect(oidc.counts).toMatchObject({ tokenRequests: 1, refreshGrants: 1, grantError: 0, grantRevoked: 0 });
    expect(vends.map((v) => v.status)).toEqual([200, 200, 200, 200, 200]);
    const served = new Set(vends.map((v) => v.body.access_token.access_token as string));
    expect(served.size).toBe(1);
    const [token] = [...served];
    expect(token).not.toBe(tokens.access_token);
    expect(token).toBe(await storedAccessToken(id));
    expect(await userinfoSubject(token!)).toBe('user_race');
    const after = await row(id);
    expect(after.state).toBe('connected');
    expect(after.last_refreshed_at).toBe(iso(clock.t));
    // The tick either shared the renewal (a check, ok) or found it done by the vend (no check recorded).
    expect([null, 'ok']).toContain(after.last_health_check_result);

    // Nothing is due any more: the next tick sends nothing.
    await scheduler().tickOnce();
    expect(oidc.counts.tokenRequests).toBe(1);
  });
});
