import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_PREFIX, newId } from '../src/core/ids.ts';
import { userOwner } from '../src/domain/owner.ts';
import { csrfTokenOf, DashboardClient } from './support/dashboard-client.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

const PASSWORD = 'correct horse battery staple';
const HOSTILE = `<script>alert(1)</script>&"'`;
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;';
const ENV = '/dashboard/environments/default';
const future = () => new Date(Date.now() + 3600_000).toISOString();
/** The rows of a page's results table. */
const rows = (html: string, label = 'User') => html.split(`data-label="${label}"`).length - 1;

describe.each(DIALECTS)('dashboard pages: connections, events, webhooks, activity (%s)', (dialect) => {
  let h: Harness;
  let b: DashboardClient;
  /** What the webhook receiver answers next. */
  let receiverStatus = 500;
  const token = (user: string, org?: string) =>
    h.request('POST', `/user_management/users/${user}/connected_accounts/gitlab${org ? `?organization_id=${org}` : ''}`, {
      access_token: `secret-access-token-${user}`,
      refresh_token: `secret-refresh-token-${user}`,
      expires_at: future(),
      scopes: ['read_api'],
    });

  beforeAll(async () => {
    h = await startHarness(dialect, {
      allowInsecureProviderUrls: true,
      webhooks: {
        schedule: { baseMs: 10, capMs: 10, maxRetries: 0 },
        timeoutMs: 300,
        fetch: async () => ({ status: receiverStatus, body: null }),
      },
    });
    await h.deps.operators.create('alice', PASSWORD);
    b = new DashboardClient(h.app, `10.1.${dialect === 'sqlite' ? 1 : 2}.1`);
    expect((await b.signIn('alice', PASSWORD)).status).toBe(303);
    for (const provider of ['gitlab', 'notion']) {
      const r = await h.request('POST', '/data-integrations', {
        provider,
        enabled: true,
        credentials: { type: 'custom', client_id: `${provider}-id`, client_secret: `${provider}-secret-0123456789` },
      });
      expect(r.status, r.text).toBe(201);
    }
    const hook = await h.request('POST', '/webhook_endpoints', {
      endpoint_url: 'http://127.0.0.1:9/hook',
      events: ['pipes.connected_account.connected'],
    });
    expect(hook.status, hook.text).toBe(201);
    for (let i = 0; i < 27; i++)
      expect((await token(`user_${String(i).padStart(2, '0')}`, i % 2 ? 'org_odd' : undefined)).status).toBe(201);
    const notion = await h.request('POST', '/user_management/users/user_00/connected_accounts/notion', { access_token: 'n' });
    expect(notion.status, notion.text).toBe(201);
    // One connection and one event with markup in every id they show.
    const integration = (await h.deps.integrations.get(h.environmentId, 'notion', 'user')).row;
    const now = new Date().toISOString();
    await h.store.accounts.insert(
      {
        id: newId(ID_PREFIX.installation),
        environment_id: h.environmentId,
        integration_id: integration.id,
        owner: userOwner(HOSTILE, HOSTILE),
        connection_role: 'compatibility',
        auth_method: 'oauth',
        created_at: now,
      },
      { state: 'needs_reauthorization', updated_at: now },
    );
    await h.store.events.insert({
      id: newId(ID_PREFIX.event),
      environment_id: h.environmentId,
      event: 'pipes.connected_account.reauthorization_needed',
      organization_id: HOSTILE,
      data: { user_id: HOSTILE, note: '</code></pre><script>alert(2)</script>' },
      created_at: now,
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('connections', () => {
    it('lists newest first, 25 a page, with a link to the older ones; never a token', async () => {
      const first = await b.get(`${ENV}/connections?provider=gitlab`);
      expect(first.status).toBe(200);
      expect(rows(first.html)).toBe(25);
      expect(first.html.indexOf('user_26')).toBeLessThan(first.html.indexOf('user_25'));
      expect(first.html).not.toContain('user_01<');
      const next = /href="([^"]+)" rel="next"/.exec(first.html)?.[1]?.replace(/&amp;/g, '&');
      expect(next).toMatch(/provider=gitlab&before=data_installation_/);
      const second = await b.get(next!);
      expect(rows(second.html)).toBe(2);
      expect(second.html).toContain('user_00');
      expect(second.html).not.toContain('rel="next"');
      for (const page of [first, second]) {
        expect(page.html).not.toContain('secret-access-token');
        expect(page.html).not.toContain('secret-refresh-token');
      }
      expect(first.html).toContain('read_api');
      expect(first.html).toContain('access token + refresh token');
    });

    it('searches by user, organization, provider and state', async () => {
      const byUser = await b.get(`${ENV}/connections?user=user_00`);
      expect(rows(byUser.html)).toBe(2);
      expect(byUser.html).toContain('gitlab');
      expect(byUser.html).toContain('notion');
      expect(rows((await b.get(`${ENV}/connections?user=user_00&provider=notion`)).html)).toBe(1);
      expect(rows((await b.get(`${ENV}/connections?organization=org_odd&provider=gitlab`)).html)).toBe(13);
      const reauth = await b.get(`${ENV}/connections?state=needs_reauthorization&user=&organization=&provider=`);
      expect(rows(reauth.html)).toBe(1);
      expect(reauth.html).toContain('needs reauthorization');
      expect(rows((await b.get(`${ENV}/connections?user=nobody`)).html)).toBe(0);
      expect((await b.get(`${ENV}/connections?state=bogus`)).status).toBe(400);
    });

    it('shows last refreshed, last used and the last health check, with a badge for a failed check', async () => {
      // As a vend records it (a real vend here would change the vend counts the activity tests read).
      const user02 = await h.request('GET', '/user_management/users/user_02/connected_accounts/gitlab');
      h.deps.lastUsed.touch(user02.body.id);
      await h.deps.lastUsed.flush();
      const checkedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
      await h.db
        .updateTable('connected_accounts')
        .set({ last_health_check_at: checkedAt, last_health_check_result: 'temporary_failure' })
        .where('user_id', '=', 'user_02')
        .execute();
      await h.db
        .updateTable('connected_accounts')
        .set({ last_refreshed_at: checkedAt, last_health_check_at: checkedAt, last_health_check_result: 'needs_reauthorization' })
        .where('user_id', '=', 'user_26')
        .execute();
      const row = async (user: string) => {
        const html = (await b.get(`${ENV}/connections?user=${user}&provider=gitlab`)).html;
        expect(rows(html)).toBe(1);
        return html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
      };
      const used = await row('user_02');
      expect(used).toMatch(/Used<\/span> <span title="\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC">just now</);
      expect(used).toContain('<span class="badge warn">temporary failure</span>');
      expect(used).toContain(`title="${checkedAt.slice(0, 19).replace('T', ' ')} UTC">3 hours ago<`);
      expect(used).toContain('Refreshed</span> never<');
      const dead = await row('user_26');
      expect(dead).toContain('<span class="badge bad">needs re-authorization</span>');
      expect(dead).toContain('Used</span> never<');
      expect(dead).toMatch(/Refreshed<\/span> <span title="[^"]+">3 hours ago</);
      const unchecked = await row('user_04');
      expect(unchecked).toContain('Checked</span> not checked<');
      // The integration page's latest connections (user_26 is the newest) show the same.
      const integration = (await b.get(`${ENV}/integrations/user/gitlab`)).html;
      expect(integration).toContain('<span class="badge bad">needs re-authorization</span>');
    });

    it('escapes user and organization ids', async () => {
      const page = await b.get(`${ENV}/connections?provider=notion`);
      expect(page.html).not.toContain('<script>alert');
      expect(page.html.split(ESCAPED).length - 1).toBe(2);
    });
  });

  describe('events', () => {
    it('shows the environment events newest first, filtered by name, with the data as escaped JSON', async () => {
      const all = await b.get(`${ENV}/events`);
      expect(all.status).toBe(200);
      expect(all.html).not.toContain('<script>alert');
      expect(all.html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(2)');
      expect(all.html).toContain(`&quot;user_id&quot;: &quot;${ESCAPED.replace(/&quot;/g, '\\&quot;')}`);
      // The hostile event is the newest.
      expect(all.html.indexOf('reauthorization_needed</strong>')).toBeLessThan(all.html.indexOf('connected</strong>'));
      const connected = await b.get(`${ENV}/events?event=pipes.connected_account.connected`);
      expect(connected.html).not.toContain('reauthorization_needed</strong>');
      expect(connected.html.split('<article class="event">').length - 1).toBe(25);
      const older = /href="([^"]+)" rel="next"/.exec(connected.html)?.[1]?.replace(/&amp;/g, '&');
      expect(older).toMatch(/event=pipes\.connected_account\.connected&after=event_/);
      expect((await b.get(older!)).html.split('<article class="event">').length - 1).toBe(3);
      const none = await b.get(`${ENV}/events?event=pipes.connected_account.disconnected`);
      expect(none.html).toContain('No event of this kind yet.');
    });
  });

  describe('webhooks', () => {
    const failedDelivery = async () => {
      for (let i = 0; i < 20; i++) await h.deps.deliveryWorker.tickOnce();
      const d = await h.db.selectFrom('webhook_deliveries').selectAll().orderBy('id').executeTakeFirstOrThrow();
      expect(d.status).toBe('failed');
      return d;
    };

    it('lists endpoints with their health, and each endpoint its deliveries with every attempt', async () => {
      const delivery = await failedDelivery();
      const list = await b.get(`${ENV}/webhooks`);
      expect(list.html).toContain('http://127.0.0.1:9/hook');
      expect(list.html).toContain('failing');
      const page = await b.get(`${ENV}/webhooks/${delivery.endpoint_id}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(delivery.event_id);
      expect(page.html).toContain('HTTP 500');
      expect(page.html).toContain(`/deliveries/${delivery.id}/resend`);
      expect((await b.get(`${ENV}/webhooks/we_00000000000000000000000000`)).status).toBe(404);
    });

    it('resends a delivery only with the CSRF token', async () => {
      const delivery = await failedDelivery();
      const page = `${ENV}/webhooks/${delivery.endpoint_id}`;
      const action = `${page}/deliveries/${delivery.id}/resend`;
      for (const fields of [{}, { csrf_token: 'not-the-token' }]) {
        const refused = await b.post(action, fields);
        expect(refused.status).toBe(403);
      }
      expect(
        (await h.db.selectFrom('webhook_deliveries').select('status').where('id', '=', delivery.id).executeTakeFirstOrThrow()).status,
      ).toBe('failed');
      const r = await b.post(action, { csrf_token: csrfTokenOf((await b.get(page)).html) });
      expect(r.status).toBe(303);
      expect(r.location).toBe(`${page}?done=resent`);
      expect(
        (await h.db.selectFrom('webhook_deliveries').select('status').where('id', '=', delivery.id).executeTakeFirstOrThrow()).status,
      ).toBe('pending');
      expect((await b.get(r.location!)).html).toContain('Queued again');
      receiverStatus = 200;
      await h.deps.deliveryWorker.tickOnce();
      const after = await b.get(page);
      expect(after.html).toContain('HTTP 200');
    });
  });

  describe('activity', () => {
    const vend = (user: string) => h.request('POST', '/data-integrations/gitlab/token', { user_id: user });
    const stored = async () =>
      (await h.db.selectFrom('usage_counters').selectAll().where('metric', '=', 'vend').execute()).map((r) => [r.outcome, Number(r.count)]);

    it('counts vends in memory and writes them only on a flush, adding to what is stored', async () => {
      const from = h.queries.length;
      for (let i = 0; i < 7; i++) expect((await vend('user_04')).body.active).toBe(true);
      expect((await vend('nobody')).body).toEqual({ active: false, error: 'not_installed' });
      expect(h.queries.slice(from).filter((q) => q.includes('usage_counters'))).toEqual([]);
      expect(await stored()).toEqual([]);

      await h.deps.usage.flush();
      expect(new Map((await stored()) as [string, number][])).toEqual(
        new Map([
          ['active', 7],
          ['not_installed', 1],
        ]),
      );
      // A second flush adds to the same rows; nothing new is nothing written.
      for (let i = 0; i < 3; i++) expect((await vend('user_06')).body.active).toBe(true);
      await h.deps.usage.flush();
      const writes = h.queries.length;
      await h.deps.usage.flush();
      expect(h.queries.length).toBe(writes);
      expect(new Map((await stored()) as [string, number][]).get('active')).toBe(10);
    });

    it('the overview charts connections by provider and state, vends, refreshes and webhook deliveries', async () => {
      const page = await b.get('/dashboard');
      expect(page.status).toBe(200);
      expect(page.html).toContain(
        'aria-label="Vends, last 24 hours: 11 in all (10 active, 1 not installed, 0 needs reauthorization, 0 unavailable).',
      );
      expect(page.html).toContain('Connections by provider: 29 in all (28 connected, 1 needs reauthorization, 0 disconnected).');
      expect(page.html).toMatch(/Webhook deliveries, last 24 hours: \d+ in all \(1 delivered, \d+ failed\)/);
      expect(page.html).toMatch(
        /id="chart-refreshes">\s*<figcaption><strong>Refreshes[^<]*<\/strong><\/figcaption>\s*<p class="muted">None in/,
      );
      // The same numbers as a table for screen readers, and never a script.
      expect(page.html).toContain('<caption>Vends, last 24 hours</caption>');
      expect(page.html).toMatch(/<th scope="row">notion<\/th><td>1<\/td><td>1<\/td><td>0<\/td>/);
      expect(page.html).not.toContain('<script');
    });
  });
});
