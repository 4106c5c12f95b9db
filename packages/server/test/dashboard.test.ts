import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_PREFIX, newId } from '../src/core/ids.ts';
import { userOwner } from '../src/domain/owner.ts';
import { OperatorSessions } from '../src/operators/session-service.ts';
import { csrfTokenOf, DashboardClient } from './support/dashboard-client.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

const PASSWORD = 'correct horse battery staple';
const HOSTILE = `<script>alert(1)</script>&"'`;
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;';
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
const ENV = '/dashboard/environments/default';

describe.each(DIALECTS)('operator dashboard (%s)', (dialect) => {
  let h: Harness;
  let address = 0;
  /** A browser of its own (cookies, client address): the sign-in limit counts per address. */
  const browser = () => new DashboardClient(h.app, `10.0.${dialect === 'sqlite' ? 1 : 2}.${++address}`);
  const signedIn = async (username = 'alice') => {
    const b = browser();
    const r = await b.signIn(username, PASSWORD);
    expect(r.status, r.html).toBe(303);
    return b;
  };
  const apiIntegration = async (slug: string, ownership = 'user') => {
    const list = await h.request('GET', `/data-integrations?limit=100${ownership === 'organization' ? '&ownership=organization' : ''}`);
    return (list.body.data as any[]).find((i) => i.slug === slug && i.ownership === ownership);
  };

  beforeAll(async () => {
    h = await startHarness(dialect);
    await h.deps.operators.create('alice', PASSWORD);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('signing in', () => {
    it('sets an HttpOnly, Secure, SameSite=Strict __Host- session cookie and stores only its SHA-256', async () => {
      const b = browser();
      const r = await b.signIn('alice', PASSWORD);
      expect(r.status).toBe(303);
      expect(r.location).toBe('/dashboard');
      const line = ([] as string[]).concat(r.headers['set-cookie'] as string[]).find((c) => c.startsWith('__Host-openpipes_session='))!;
      expect(line).toMatch(/; Path=\/(;|$)/);
      for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Max-Age=43200']) expect(line).toContain(flag);
      const token = b.cookies.get('__Host-openpipes_session')!;
      const rows = await h.db.selectFrom('dashboard_sessions').selectAll().execute();
      expect(rows.map((s) => s.id)).toContain(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(token);
      const home = await b.get('/dashboard');
      expect(home.status).toBe(200);
      expect(home.html).toContain('Signed in as <strong>alice</strong>');
      expect((await b.get('/dashboard/sign-in')).location).toBe('/dashboard');
    });

    it('answers a wrong password and an unknown username alike, without a session', async () => {
      for (const [username, password] of [
        ['alice', 'not the password'],
        ['nobody', PASSWORD],
      ] as const) {
        const b = browser();
        const r = await b.signIn(username, password);
        expect(r.status).toBe(401);
        expect(r.html).toContain('Wrong username or password');
        expect([...b.cookies.keys()]).not.toContain('__Host-openpipes_session');
      }
    });

    it('sends a visitor without a session to the sign-in page, for pages and forms', async () => {
      const b = browser();
      for (const r of [
        await b.get('/dashboard'),
        await b.get(`${ENV}/integrations`),
        await b.post('/dashboard/environments', { name: 'x' }),
      ]) {
        expect(r.status).toBe(303);
        expect(r.location).toBe('/dashboard/sign-in');
      }
      expect((await h.deps.environments.list()).map((e) => e.name)).not.toContain('x');
    });

    it('refuses a username after 5 failed attempts for 15 minutes, from any address', async () => {
      await h.deps.operators.create('bob', PASSWORD);
      for (let i = 0; i < 5; i++) expect((await browser().signIn('bob', 'wrong password!')).status).toBe(401);
      for (const b of [browser(), browser()]) {
        const r = await b.signIn('bob', PASSWORD);
        expect(r.status).toBe(429);
        expect(r.html).toContain('Too many sign-in attempts');
      }
      expect((await browser().signIn('alice', PASSWORD)).status).toBe(303);
    });

    it('refuses an address after 20 sign-in attempts, whatever the usernames', async () => {
      const b = browser();
      for (let i = 0; i < 20; i++) expect((await b.signIn(`user${i}`, 'whatever password')).status).toBe(401);
      const r = await b.signIn('alice', PASSWORD);
      expect(r.status).toBe(429);
      expect(r.html).toContain('Too many sign-in attempts');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect((await browser().signIn('alice', PASSWORD)).status).toBe(303);
    });

    it('signs out: the session ends and its row is deleted', async () => {
      const b = await signedIn();
      const before = await h.db.selectFrom('dashboard_sessions').select('id').execute();
      const r = await b.submit('/dashboard', '/dashboard/sign-out', {});
      expect(r.status).toBe(303);
      expect(r.location).toBe('/dashboard/sign-in');
      expect((await b.get('/dashboard')).status).toBe(303);
      expect((await h.db.selectFrom('dashboard_sessions').select('id').execute()).length).toBe(before.length - 1);
    });

    it('ends a session after an hour without a request, and after 12 hours in any case', async () => {
      const start = Date.parse('2030-01-01T00:00:00Z');
      let now = start;
      const sessions = new OperatorSessions({ store: h.store, clock: { now: () => now } });
      const idle = await sessions.signIn('alice', PASSWORD);
      const busy = await sessions.signIn('alice', PASSWORD);
      if (!idle.ok || !busy.ok) throw new Error('sign-in failed');
      now = start + 60 * 60 * 1000 - 1;
      expect(await sessions.authenticate(idle.token)).not.toBeNull();
      // A request every 50 minutes keeps a session alive…
      for (let i = 1; i <= 14; i++) {
        now = start + i * 50 * 60 * 1000;
        expect(await sessions.authenticate(busy.token)).not.toBeNull();
      }
      // …an hour without one ends it…
      expect(await sessions.authenticate(idle.token)).toBeNull();
      // …and 12 hours end it however busy it is.
      now = start + 12 * 60 * 60 * 1000 - 1;
      expect(await sessions.authenticate(busy.token)).not.toBeNull();
      now = start + 12 * 60 * 60 * 1000;
      expect(await sessions.authenticate(busy.token)).toBeNull();
    });
  });

  describe('every page', () => {
    it('carries a strict Content-Security-Policy, nosniff, no Referer and no-store', async () => {
      const b = await signedIn();
      const pages = [
        '/dashboard',
        '/dashboard/environments',
        ENV,
        `${ENV}/api-keys`,
        `${ENV}/providers?q=git`,
        `${ENV}/integrations`,
        `${ENV}/integrations/new?provider=zendesk`,
        `${ENV}/integrations/new?custom=1`,
        '/dashboard/environments/nope',
        '/dashboard/no-such-page',
      ];
      const answers = [...(await Promise.all(pages.map((p) => b.get(p)))), await browser().get('/dashboard/sign-in')];
      answers.push(await b.post('/dashboard/environments', { name: 'x' }));
      for (const r of answers) {
        expect(r.headers['content-security-policy']).toBe(CSP);
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['referrer-policy']).toBe('no-referrer');
        expect(r.headers['cache-control']).toBe('no-store');
        expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(r.html).not.toMatch(/(src|href|action)="(https?:)?\/\//);
        expect(r.html).not.toMatch(/<script|style="/);
      }
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 404, 404, 200, 403]);
      expect(answers[8]!.html).toContain('Environment &quot;nope&quot; does not exist.');
    });

    it('links only stylesheets OpenPipes serves itself, cached for a year', async () => {
      const page = await browser().get('/dashboard/sign-in');
      const sheets = [...page.html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!);
      expect(sheets).toHaveLength(2);
      for (const href of sheets) {
        expect(href).toMatch(/^\/dashboard\/assets\/[a-z.]+\.[0-9a-f]{12}\.css$/);
        const css = await h.app.inject({ method: 'GET', url: href });
        expect(css.statusCode).toBe(200);
        expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
        expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(css.body).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//);
      }
    });
  });

  describe('CSRF protection', () => {
    it("refuses every dashboard POST without the token or with another session's (403), and changes nothing", async () => {
      const b = await signedIn();
      const other = csrfTokenOf((await (await signedIn()).get('/dashboard')).html);
      const env = await h.deps.environments.byName('default');
      const { row: key } = await h.deps.apiKeys.create(env, 'csrf victim');
      const created = await h.request('POST', '/data-integrations', {
        provider: 'gitlab',
        scopes: ['read_api'],
        credentials: { type: 'custom', client_id: 'gl-client', client_secret: 'gl-secret-0123456789' },
      });
      expect(created.status).toBe(201);
      const gitlab = `${ENV}/integrations/user/gitlab`;
      const snapshot = async () => ({
        environments: await h.deps.environments.list(),
        keys: await h.deps.apiKeys.list(),
        integrations: (await h.request('GET', '/data-integrations?limit=100')).body.data,
        sessions: (await h.db.selectFrom('dashboard_sessions').select('id').orderBy('id').execute()).length,
      });
      const before = await snapshot();
      const posts: [string, Record<string, string>][] = [
        ['/dashboard/environments', { name: 'evil' }],
        [`${ENV}/settings`, { origins: 'https://evil.example', confirmation_screen: 'on' }],
        [`${ENV}/api-keys`, { name: 'evil' }],
        [`${ENV}/api-keys/${key.id}/revoke`, {}],
        [`${ENV}/integrations`, { provider: 'github', credentials_type: 'organization', enabled: 'on' }],
        [`${gitlab}/enabled`, { enabled: 'on' }],
        [`${gitlab}/settings`, { description: 'evil', scopes: 'api' }],
        [`${gitlab}/credentials`, { credentials_type: 'custom', client_id: 'evil', client_secret: 'evil-secret-0123456789' }],
        [`${gitlab}/provider`, { name: 'Evil' }],
        ['/dashboard/sign-out', {}],
      ];
      for (const [url, fields] of posts) {
        for (const token of [undefined, other, '']) {
          const r = await b.post(url, token === undefined ? fields : { ...fields, csrf_token: token });
          expect(r.status, `${url} with token ${token}`).toBe(403);
          expect(r.html).toContain('The form could not be verified');
        }
      }
      expect(await snapshot()).toEqual(before);
      expect((await b.get('/dashboard')).status).toBe(200);
    });

    it("refuses a sign-in POST without the sign-in form's token, or with another browser's", async () => {
      const b = browser();
      const theirs = csrfTokenOf((await browser().get('/dashboard/sign-in')).html);
      await b.get('/dashboard/sign-in');
      for (const fields of [{}, { csrf_token: theirs }]) {
        const r = await b.post('/dashboard/sign-in', { username: 'alice', password: PASSWORD, ...fields });
        expect(r.status).toBe(403);
        expect([...b.cookies.keys()]).not.toContain('__Host-openpipes_session');
      }
    });
  });

  describe('forms', () => {
    it('creates an environment and sets its return origins and confirmation page; a bad origin is explained', async () => {
      const b = await signedIn();
      const created = await b.submit('/dashboard/environments', '/dashboard/environments', { name: 'staging' });
      expect(created.location).toBe('/dashboard/environments/staging?done=created');
      const bad = await b.submit('/dashboard/environments/staging', '/dashboard/environments/staging/settings', {
        origins: 'https://app.example.com\nnot an origin',
      });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('&quot;not&quot; is not an origin like https://app.example.com.');
      expect(bad.html).toContain('Allowed return origins: not in the expected format');
      const saved = await b.submit('/dashboard/environments/staging', '/dashboard/environments/staging/settings', {
        origins: 'https://app.example.com/\nhttp://localhost:3000',
      });
      expect(saved.location).toBe('/dashboard/environments/staging?done=saved');
      const env = await h.deps.environments.byName('staging');
      expect(env.allowed_return_origins).toEqual(['https://app.example.com', 'http://localhost:3000']);
      expect(env.confirmation_screen).toBe(false);
      expect((await b.get(saved.location!)).html).toContain('Saved.');
      const duplicate = await b.submit('/dashboard/environments', '/dashboard/environments', { name: 'staging' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.html).toContain('Environment &quot;staging&quot; already exists.');
    });

    it('shows a new API key once; it works on the API, is listed by its last four, and is revoked', async () => {
      const b = await signedIn();
      const page = await b.submit(`${ENV}/api-keys`, `${ENV}/api-keys`, { name: 'backend' });
      expect(page.status).toBe(200);
      const key = /<code class="secret">(sk_test_[0-9A-Za-z]+)<\/code>/.exec(page.html)![1]!;
      const api = (k: string) => h.app.inject({ method: 'GET', url: '/data-integrations', headers: { authorization: `Bearer ${k}` } });
      expect((await api(key)).statusCode).toBe(200);
      const list = await b.get(`${ENV}/api-keys`);
      expect(list.html).not.toContain(key);
      expect(list.html).toContain(`…${key.slice(-4)}`);
      const row = (await h.deps.apiKeys.list()).find((k) => k.last4 === key.slice(-4) && k.name === 'backend')!;
      const revoked = await b.submit(`${ENV}/api-keys`, `${ENV}/api-keys/${row.id}/revoke`, {});
      expect(revoked.location).toBe(`${ENV}/api-keys?done=revoked`);
      expect((await api(key)).statusCode).toBe(401);
      const again = await b.submit(`${ENV}/api-keys`, `/dashboard/environments/staging/api-keys/${row.id}/revoke`, {});
      expect(again.status).toBe(404);
    });

    it('an integration created and enabled through the forms is what the API lists', async () => {
      const b = await signedIn();
      const create = await b.submit(`${ENV}/integrations/new?provider=github`, `${ENV}/integrations`, {
        provider: 'github',
        ownership: 'user',
        auth_method: 'oauth',
        description: 'Repositories of our users',
        scopes: 'repo read:user',
        credentials_type: 'custom',
        client_id: 'gh-client',
        client_secret: 'gh-secret-abcdefgh1234',
      });
      expect(create.location).toBe(`${ENV}/integrations/user/github?done=created`);
      expect((await apiIntegration('github'))!.enabled).toBe(false);
      const list = await b.get(`${ENV}/integrations`);
      const enable = await b.post(`${ENV}/integrations/user/github/enabled`, {
        csrf_token: csrfTokenOf(list.html),
        enabled: 'on',
        back: 'list',
      });
      expect(enable.location).toBe(`${ENV}/integrations?done=enabled`);
      const api = await apiIntegration('github');
      expect(api).toMatchObject({
        enabled: true,
        description: 'Repositories of our users',
        scopes: ['repo', 'read:user'],
        credentials: { type: 'custom', client_id: 'gh-client', redacted_client_secret: '1234' },
      });
      const page = await b.get(`${ENV}/integrations/user/github`);
      expect(page.html).toContain('Set, ends in …1234');
      expect(page.html).toContain(api.redirect_uri);
      expect(page.html).not.toContain('gh-secret-abcdefgh1234');
    });

    it('defines a custom provider; a service refusal shows the form again with its reasons', async () => {
      const b = await signedIn();
      const fields = {
        provider: 'acme',
        name: 'Acme',
        authorization_url: 'http://127.0.0.1:9/auth',
        token_url: 'https://acme.example/token',
        pkce_enabled: 'on',
        ownership: 'organization',
        auth_method: 'oauth',
        credentials_type: 'custom',
        client_id: 'acme-client',
        client_secret: 'short',
      };
      const refused = await b.submit(`${ENV}/integrations/new?custom=1`, `${ENV}/integrations`, fields);
      expect(refused.status).toBe(422);
      expect(refused.html).toContain('Authorization URL: must start with https://');
      expect(refused.html).toContain('value="acme-client"');
      expect(refused.html).not.toContain('value="short"');
      const created = await b.submit(`${ENV}/integrations/new?custom=1`, `${ENV}/integrations`, {
        ...fields,
        authorization_url: 'https://acme.example/auth',
        api_base_url: 'https://api.acme.example/v2',
        enabled: 'on',
      });
      expect(created.location).toBe(`${ENV}/integrations/organization/acme?done=created`);
      expect(await apiIntegration('acme', 'organization')).toMatchObject({
        enabled: true,
        credentials: { type: 'custom', client_id: 'acme-client' },
        custom_provider: {
          name: 'Acme',
          authorization_url: 'https://acme.example/auth',
          api_base_url: 'https://api.acme.example/v2',
          pkce_enabled: true,
        },
      });
      const page = await b.get(`${ENV}/integrations/organization/acme`);
      // The proxy's base URL is shown for editing with the rest of the definition.
      expect(page.html).toContain('name="api_base_url" type="url" maxlength="2000" value="https://api.acme.example/v2"');
      expect(page.html).toContain('<dt>Client secret</dt><dd>Set</dd>');
      expect(page.html).not.toContain('…hort');
      const shadow = await b.submit(`${ENV}/integrations/new?custom=1`, `${ENV}/integrations`, { ...fields, provider: 'github' });
      expect(shadow.status).toBe(409);
      expect(shadow.html).toContain('&quot;github&quot; is a built-in provider');
    });

    it('searches the catalog by name or slug', async () => {
      const b = await signedIn();
      const byName = await b.get(`${ENV}/providers?q=Goo`);
      expect(byName.html).toContain('<code>google</code>');
      expect(byName.html).toContain('<img class="logo" src="/catalog/providers/google/logo.svg" alt=""');
      expect(byName.html).not.toContain('<code>github</code>');
      expect((await b.get(`${ENV}/providers?q=gitl`)).html).toContain('<code>gitlab</code>');
    });
  });

  it('renders HTML-special characters in every operator-controlled value as text', async () => {
    const b = await signedIn();
    const created = await b.submit(`${ENV}/integrations/new?custom=1`, `${ENV}/integrations`, {
      provider: 'hostile',
      name: HOSTILE,
      authorization_url: 'https://hostile.example/auth',
      token_url: 'https://hostile.example/token',
      auth_method: 'oauth',
      description: HOSTILE,
      scopes: HOSTILE,
      credentials_type: 'custom',
      client_id: HOSTILE,
      client_secret: 'hostile-secret-0123456789',
    });
    expect(created.status, created.html).toBe(303);
    const env = await h.deps.environments.byName('default');
    await h.deps.apiKeys.create(env, HOSTILE);
    const integration = (await h.deps.integrations.get(env.id, 'hostile', 'user')).row;
    const now = new Date().toISOString();
    await h.store.accounts.insert(
      {
        id: newId(ID_PREFIX.installation),
        environment_id: env.id,
        integration_id: integration.id,
        owner: userOwner(HOSTILE, HOSTILE),
        connection_role: 'compatibility',
        auth_method: 'oauth',
        created_at: now,
      },
      { state: 'connected', updated_at: now },
    );
    const pages = await Promise.all(
      [`${ENV}/integrations/user/hostile`, `${ENV}/integrations`, `${ENV}/api-keys`, '/dashboard'].map((p) => b.get(p)),
    );
    for (const page of pages) expect(page.html).not.toContain('<script>alert');
    const [detail, list, keys] = pages;
    // The name (heading, list), description, scopes, client id, user and organization ids.
    expect(detail!.html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(7);
    expect(list!.html).toContain(ESCAPED);
    expect(keys!.html).toContain(ESCAPED);
  });
});
