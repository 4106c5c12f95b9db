import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/core/clock.ts';
import { Keyring } from '../src/crypto/keyring.ts';
import { PIPES_MANAGE, WidgetTokens } from '../src/widgets/widget-token.ts';
import { type Harness, startHarness } from './support/harness.ts';

const APP = 'https://app.example.com';

describe('widget tokens', () => {
  const w1 = Keyring.generateKeySpec('w1');
  const keyring = Keyring.parse(w1);
  let now = Date.parse('2026-01-01T00:00:00Z');
  const clock: Clock = { now: () => now };
  const tokens = new WidgetTokens(keyring, clock);

  it('is a JWS whose payload survives atob and carries the §7.4 claims', () => {
    const { token, claims } = tokens.mint({ env: 'env_1', sub: 'user~>?é', org_id: 'org_1', permissions: [PIPES_MANAGE, PIPES_MANAGE] });
    const [header, payload, signature] = token.split('.');
    expect(signature).toBeTruthy();
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'w1' });
    expect(payload).toMatch(/^[A-Za-z0-9]+$/);
    const decoded = JSON.parse(atob(payload!));
    expect(decoded).toEqual(claims);
    expect(decoded).toMatchObject({ env: 'env_1', sub: 'user~>?é', org_id: 'org_1', permissions: [PIPES_MANAGE] });
    expect(decoded.exp - decoded.iat).toBe(3600);
    expect(decoded.jti).toMatch(/^wtok_/);
    expect(tokens.verify(token)).toEqual(claims);
  });

  it('refuses tampering, other keys, alg none, expiry (5 s leeway) and garbage', () => {
    const { token } = tokens.mint({ env: 'env_1', sub: 'u', permissions: [] });
    const [h, p, s] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ env: 'env_2', sub: 'u', permissions: [], iat: 0, exp: 9e9, jti: 'x' })).toString(
      'base64url',
    );
    expect(tokens.verify(`${h}.${forged}.${s}`)).toBeNull();
    expect(tokens.verify(`${h}.${p}.${s.slice(0, -2)}AA`)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'w1' })).toString('base64url');
    expect(tokens.verify(`${none}.${p}.`)).toBeNull();
    expect(new WidgetTokens(Keyring.parse(Keyring.generateKeySpec('w1')), clock).verify(token)).toBeNull();
    for (const junk of ['', 'a.b', 'a.b.c', 'sk_test_abcdefghijklmnopqrstuvwxyz0123456789', `${token}.x`])
      expect(tokens.verify(junk)).toBeNull();
    now += 3600_000 + 4_000;
    expect(tokens.verify(token)).not.toBeNull();
    now += 2_000;
    expect(tokens.verify(token)).toBeNull();
  });

  it('rotation follows the keyring: old tokens verify while their key is in the ring, new ones use the primary', () => {
    const { token } = tokens.mint({ env: 'env_1', sub: 'u', permissions: [] });
    const rotated = new WidgetTokens(Keyring.parse(`${Keyring.generateKeySpec('w2')},${w1}`), clock);
    expect(rotated.verify(token)).not.toBeNull();
    const fresh = rotated.mint({ env: 'env_1', sub: 'u', permissions: [] }).token;
    expect(JSON.parse(Buffer.from(fresh.split('.')[0]!, 'base64url').toString()).kid).toBe('w2');
    expect(tokens.verify(fresh)).toBeNull();
  });
});

describe('R33 and the widget routes’ authentication and CORS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { allowedReturnOrigins: [APP] });
  });
  afterAll(async () => {
    await h?.close();
  });

  const mint = (body: unknown) => h.request('POST', '/widgets/token', body);
  const widget = (token: string | null, url = '/_widgets/settings', origin: string | null = APP) =>
    h.app.inject({
      method: 'GET',
      url,
      headers: { ...(token !== null ? { authorization: `Bearer ${token}` } : {}), ...(origin ? { origin } : {}) },
    });

  it('R33 mints for a user, for an organization admin, and refuses what it cannot serve', async () => {
    const user = await mint({ user_id: 'user_1', organization_id: 'org_1' });
    expect(user.status).toBe(200);
    expect(Object.keys(user.body)).toEqual(['token']);
    const payload = JSON.parse(atob(user.body.token.split('.')[1]));
    expect(payload).toMatchObject({ env: h.environmentId, sub: 'user_1', org_id: 'org_1', permissions: [] });
    const admin = await mint({ organization_id: 'org_1', scopes: [PIPES_MANAGE] });
    expect(admin.status).toBe(200);
    expect(JSON.parse(atob(admin.body.token.split('.')[1]))).toMatchObject({ org_id: 'org_1', permissions: [PIPES_MANAGE] });
    expect(JSON.parse(atob(admin.body.token.split('.')[1])).sub).toBeUndefined();

    const cases: [unknown, number, { field: string; code: string } | null][] = [
      [{}, 422, { field: 'organization_id', code: 'required' }],
      [{ user_id: 'u', scopes: [PIPES_MANAGE] }, 422, { field: 'organization_id', code: 'required' }],
      [{ organization_id: 'o', scopes: ['widgets:users-table:manage'] }, 422, { field: 'scopes', code: 'unsupported_scope' }],
      [{ organization_id: 'bad id with spaces' }, 400, null],
      [{ organization_id: 'o', extra: 1 }, 400, null],
    ];
    for (const [body, status, error] of cases) {
      const res = await mint(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (error) expect(res.body.errors).toEqual([error]);
    }
  });

  it('a widget token opens the widget routes and only them; an API key never does', async () => {
    const { token } = (await mint({ user_id: 'user_1' })).body;
    const ok = await widget(token);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ object: 'settings', authkitOrigin: 'https://pipes.test', teamName: 'This application' });
    expect(ok.headers['access-control-allow-origin']).toBe(APP);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect((await widget(token, '/_widgets/UserManagement/organizations')).json()).toEqual({ data: [] });

    for (const bad of [null, h.apiKey, `${token}x`, 'a.b.c']) {
      const res = await widget(bad);
      expect(res.statusCode, String(bad)).toBe(403);
      expect(res.json().code).toBe('invalid_widget_token');
      // The widget must read the 403 to refresh its token: CORS headers on errors too.
      expect(res.headers['access-control-allow-origin']).toBe(APP);
    }
    const rest = await h.app.inject({ method: 'GET', url: '/data-integrations', headers: { authorization: `Bearer ${token}` } });
    expect(rest.statusCode).toBe(401);
  });

  it('P1 /pipes/redirecting: the static page the widgets open their popup on', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/pipes/redirecting' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    // COOP would sever the opener link the widget uses to navigate and message the popup.
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.body).toContain('Redirecting');
    expect(res.body).not.toContain('<script');
  });

  it('CORS: preflights echo an allowed origin only; other origins get no CORS headers', async () => {
    const preflight = (origin: string) =>
      h.app.inject({
        method: 'OPTIONS',
        url: '/_widgets/DataIntegrations/mine',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight(APP);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    expect(allowed.headers['access-control-allow-methods']).toBe('GET, POST, PUT, DELETE');
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('Authorization');
    expect(allowed.headers['access-control-max-age']).toBe('7200');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const other = await preflight('https://evil.example');
    expect(other.statusCode).toBe(204);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const { token } = (await mint({ user_id: 'user_1' })).body;
    const elsewhere = await widget(token, '/_widgets/settings', 'https://evil.example');
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });
});
