/**
 * The widgets API W3–W16 (shared/spec/widgets-api.md §5) as `<Pipes>` and `<PipesAdmin>` call it:
 * tokens minted through R33, the exact §4 shapes, the §7.5 authorization matrix, W5/W13 leading into
 * the real OpenPipes flow against a local oidc-provider, and W7/W15 trying client credentials there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFound } from '../src/core/errors.ts';
import { StoredConfig } from '../src/domain/stored-config.ts';
import { userOwner } from '../src/domain/owner.ts';
import { WidgetConnections } from '../src/widgets/widget-connections.ts';
import { browse, connectThroughBrowser } from './support/connect-flow.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';

const MANAGE = 'widgets:pipes:manage';
const HTML_NAME = 'Acme <b>"Identity"</b> & Co';
const HTML_DESCRIPTION = `<script>alert('x')</script> & "quotes" <img src=x>`;
const CC = { clientId: 'widget-cc-client', clientSecret: 'widget-cc-secret-9Z8Y' };
const CC_ORG = { clientId: 'widget-cc-org-client', clientSecret: 'widget-cc-org-secret-7X6W' };

const INSTALLATION_KEYS = [
  'api_key_last_4',
  'auth_method',
  'client_id',
  'client_secret_last_4',
  'config',
  'created_at',
  'id',
  // OpenPipes' additions (issue 12): WorkOS's widgets read none of them.
  'last_health_check_at',
  'last_health_check_result',
  'last_refreshed_at',
  'last_used_at',
  'object',
  'organization_id',
  'scopes',
  'state',
  'updated_at',
  'user_id',
];
const INTEGRATION_KEYS = [
  'authMethods',
  'config',
  'configFields',
  'connected_accounts',
  'createdAt',
  'credentialsType',
  'description',
  'id',
  'installation',
  'integrationType',
  'name',
  'object',
  'ownership',
  'scopes',
  'slug',
  'updatedAt',
];
const SETTINGS_KEYS = ['availableScopes', 'config', 'configFields', 'credentials', 'defaultScopes', 'enabled', 'scopes'];
const CONFIGURATION_KEYS = [
  ...SETTINGS_KEYS,
  'authMethods',
  'createdAt',
  'description',
  'id',
  'integrationType',
  'name',
  'object',
  'ownership',
  'slug',
  'updatedAt',
].sort();
const CREDENTIALS_KEYS = ['client_id', 'credentialsType', 'hasCredentials', 'redactedClientSecret', 'redirectUri'];
const keys = (o: object) => Object.keys(o).sort();

interface WidgetResponse {
  status: number;
  body: any;
  text: string;
}

describe.each(DIALECTS)('widgets API W3–W16 on %s', (dialect) => {
  let h: Harness;
  let oidc: OidcServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const mint = async (body: Record<string, unknown>): Promise<string> => {
    const res = await h.request('POST', '/widgets/token', body);
    expect(res.status, res.text).toBe(200);
    return res.body.token;
  };
  /** A widget request as the 1.18.0 client sends it: JSON content type on every method, the token as a bearer. */
  const w = async (token: string, method: string, path: string, body?: unknown): Promise<WidgetResponse> => {
    const res = await h.app.inject({
      method: method as 'GET',
      url: `/_widgets${path}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'workos-widgets-version': '1' },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined, text: res.body };
  };
  const item = (list: WidgetResponse, slug: string) => (list.body.data as any[]).find((i) => i.slug === slug);
  const accountRow = (id: string) => h.db.selectFrom('connected_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  const create = async (body: Record<string, unknown>) => {
    const res = await h.request('POST', '/data-integrations', body);
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness(dialect, { allowInsecureProviderUrls: true });
    const provider = {
      name: HTML_NAME,
      authorization_url: oidc.authorizationUrl,
      token_url: oidc.tokenUrl,
      issuer: oidc.issuer,
    };
    const acme = await create({
      provider: 'acme',
      enabled: true,
      description: HTML_DESCRIPTION,
      scopes: ['openid', 'read'],
      credentials: { type: 'custom', client_id: 'acme-client', client_secret: 'acme-client-secret' },
      custom_provider: provider,
    });
    const acmeOrg = await create({
      provider: 'acme',
      ownership: 'organization',
      enabled: true,
      scopes: ['openid', 'read'],
      credentials: { type: 'custom', client_id: 'acme-client', client_secret: 'acme-client-secret' },
    });
    oidc.registerClient({
      clientId: 'acme-client',
      clientSecret: 'acme-client-secret',
      redirectUris: [acme.redirect_uri, acmeOrg.redirect_uri],
    });
    await create({ provider: 'keys', auth_methods: ['api_key'], enabled: true, custom_provider: { name: 'Keys' } });
    await create({ provider: 'keys', ownership: 'organization', auth_methods: ['api_key'], enabled: true });
    await create({ provider: 'old-keys', auth_methods: ['api_key'], enabled: true, custom_provider: { name: 'Old keys' } });
    const cc = { name: 'CC', token_url: oidc.tokenUrl };
    await create({ provider: 'cc', auth_methods: ['client_credentials'], enabled: true, scopes: ['read'], custom_provider: cc });
    await create({ provider: 'cc', ownership: 'organization', auth_methods: ['client_credentials'], enabled: true, scopes: ['read'] });
    for (const c of [CC, CC_ORG])
      oidc.registerClient({ ...c, grantTypes: ['client_credentials'], tokenEndpointAuthMethod: 'client_secret_post' });
    // A built-in provider whose organizations bring their own OAuth app.
    await create({ provider: 'github', enabled: true, credentials: { type: 'organization' } });
    // A built-in provider with an installation-scope field the member supplies when connecting.
    await create({ provider: 'zendesk', enabled: true, credentials: { type: 'custom', client_id: 'zd', client_secret: 'zd-secret' } });

    tokens.a = await mint({ user_id: 'user_a', organization_id: 'org_1' });
    tokens.aOrg2 = await mint({ user_id: 'user_a', organization_id: 'org_2' });
    tokens.b = await mint({ user_id: 'user_b', organization_id: 'org_1' });
    tokens.noSub = await mint({ organization_id: 'org_1' });
    tokens.noOrg = await mint({ user_id: 'user_c' });
    tokens.admin1 = await mint({ user_id: 'admin_1', organization_id: 'org_1', scopes: [MANAGE] });
    tokens.admin1NoSub = await mint({ organization_id: 'org_1', scopes: [MANAGE] });
    tokens.admin2 = await mint({ user_id: 'admin_2', organization_id: 'org_2', scopes: [MANAGE] });
  });
  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  it('W3 lists what the member can connect, in the §4.3 shape; operator text comes back unchanged', async () => {
    const mine = await w(tokens.a!, 'GET', '/DataIntegrations/mine');
    expect(mine.status, mine.text).toBe(200);
    expect(keys(mine.body)).toEqual(['data']);
    expect(mine.body.data.map((i: any) => i.slug)).toEqual(['acme', 'cc', 'keys', 'old-keys', 'zendesk']);
    const acme = item(mine, 'acme');
    expect(keys(acme)).toEqual(INTEGRATION_KEYS);
    expect(acme).toMatchObject({
      object: 'data_integration',
      name: HTML_NAME,
      description: HTML_DESCRIPTION,
      integrationType: 'custom',
      ownership: 'userland_user',
      credentialsType: 'custom',
      scopes: ['openid', 'read'],
      installation: null,
      connected_accounts: [],
      configFields: [],
      config: {},
      authMethods: ['oauth'],
    });
    // HTML-special characters are JSON string content, not escaped or entity-encoded.
    expect(mine.text).toContain(JSON.stringify(HTML_NAME).slice(1, -1));
    expect(mine.text).not.toContain('&lt;');
    expect(item(mine, 'cc')).toMatchObject({ authMethods: ['client_credentials'], credentialsType: 'custom' });
    // Organization credentials with no app for org_1 yet: hidden (§5 W3).
    expect(item(mine, 'github')).toBeUndefined();
  });

  it('W3 describes config fields in the §4.2 shape; W5 names a missing field by its label', async () => {
    const zendesk = item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'zendesk');
    expect(zendesk).toMatchObject({ iconSlug: 'zendesk', integrationType: 'zendesk', credentialsType: 'custom', config: {} });
    expect(zendesk.configFields).toEqual([
      {
        key: 'subdomain',
        label: 'Zendesk subdomain',
        required: true,
        scope: 'installation',
        description: expect.any(String),
        pattern: expect.any(String),
        order: 0,
        secret: false,
      },
    ]);
    const missing = await w(tokens.a!, 'POST', '/DataIntegrations/zendesk/authorize', { requireHandoff: true, config: {} });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'validation_failed', message: 'Enter the Zendesk subdomain.' });
    expect(missing.body.errors).toEqual([{ field: 'config.subdomain', code: 'required' }]);
    const ok = await w(tokens.a!, 'POST', '/DataIntegrations/zendesk/authorize', { requireHandoff: true, config: { subdomain: 'acme' } });
    expect(ok.status, ok.text).toBe(200);
    const bad = await w(tokens.a!, 'POST', '/DataIntegrations/zendesk/authorize', { requireHandoff: true, config: { subdomain: '<b>' } });
    expect(bad.status).toBe(422);
  });

  it('§6: WorkOS-Widgets-Version 1 or absent is accepted, anything else is a 400 naming the header', async () => {
    const call = (version?: string) =>
      h.app.inject({
        method: 'GET',
        url: '/_widgets/DataIntegrations/mine',
        headers: { authorization: `Bearer ${tokens.a}`, ...(version !== undefined ? { 'workos-widgets-version': version } : {}) },
      });
    expect((await call()).statusCode).toBe(200);
    expect((await call('1')).statusCode).toBe(200);
    const two = await call('2');
    expect(two.statusCode).toBe(400);
    expect(two.json().errors).toEqual([{ field: 'WorkOS-Widgets-Version', code: 'unsupported_widgets_version' }]);
  });

  it('user ids come back as given; R33 refuses HTML-special characters in them', async () => {
    const odd = await mint({ user_id: 'user.a:1-x_Y', organization_id: 'org:1.b' });
    const res = await w(odd, 'PUT', '/DataIntegrations/keys/api-key', { secret: 'ak_odd_user_0009' });
    expect(res.body).toMatchObject({ user_id: 'user.a:1-x_Y', organization_id: 'org:1.b' });
    expect((await w(odd, 'DELETE', `/DataIntegrations/installations/${res.body.id}`)).body).toEqual({ success: true });
    for (const user_id of ['<script>', 'a"b', "a'b", 'a&b'])
      expect((await h.request('POST', '/widgets/token', { user_id })).status, user_id).toBe(400);
  });

  it('W6 saves an API key for owner u|sub|org (trimmed, hint only), and validates its body', async () => {
    const secret = 'ak_widget_user_a_4321';
    const res = await w(tokens.a!, 'PUT', '/DataIntegrations/keys/api-key', { secret: `  ${secret}  ` });
    expect(res.status, res.text).toBe(200);
    expect(keys(res.body)).toEqual(INSTALLATION_KEYS);
    expect(res.body).toMatchObject({
      object: 'connected_account',
      user_id: 'user_a',
      organization_id: 'org_1',
      auth_method: 'api_key',
      api_key_last_4: '4321',
      state: 'connected',
      client_id: null,
      client_secret_last_4: null,
      config: {},
    });
    expect(res.text).not.toContain(secret);
    ids.aKeys = res.body.id;
    expect((await accountRow(ids.aKeys!))!.owner_key).toBe('u|user_a|org_1');
    const bKeys = await w(tokens.b!, 'PUT', '/DataIntegrations/keys/api-key', { secret: 'ak_widget_user_b_8765' });
    expect(bKeys.status).toBe(200);
    ids.bKeys = bKeys.body.id;
    const old = await w(tokens.a!, 'PUT', '/DataIntegrations/old-keys/api-key', { secret: 'ak_widget_old_0000' });
    ids.aOld = old.body.id;

    const blank = await w(tokens.a!, 'PUT', '/DataIntegrations/keys/api-key', { secret: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.message).toBe('Enter the API key.');
    expect((await w(tokens.a!, 'PUT', '/DataIntegrations/keys/api-key', { secret: 'x', user_id: 'user_b' })).status).toBe(400);
    expect((await w(tokens.a!, 'PUT', '/DataIntegrations/keys/api-key', {})).status).toBe(400);
    expect((await w(tokens.a!, 'PUT', '/DataIntegrations/nope/api-key', { secret: 'x' })).status).toBe(404);

    const mine = await w(tokens.a!, 'GET', '/DataIntegrations/mine');
    expect(item(mine, 'keys').installation).toMatchObject({ id: ids.aKeys, api_key_last_4: '4321' });
    expect(item(mine, 'keys').connected_accounts).toEqual([item(mine, 'keys').installation]);
  });

  it('W3 shows when the connection was last used and checked, read fresh (the cached listing does not carry them)', async () => {
    const before = item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'keys').installation;
    expect(before).toMatchObject({ id: ids.aKeys, last_used_at: null, last_health_check_at: null, last_health_check_result: null });
    const vend = await h.request('POST', '/data-integrations/keys/credentials', { user_id: 'user_a', organization_id: 'org_1' });
    expect(vend.body.active, vend.text).toBe(true);
    await h.deps.lastUsed.flush();
    await h.db
      .updateTable('connected_accounts')
      .set({ last_health_check_result: 'temporary_failure' })
      .where('id', '=', ids.aKeys!)
      .execute();
    const after = item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'keys').installation;
    expect(Date.now() - Date.parse(after.last_used_at)).toBeLessThan(60_000);
    expect(after.last_health_check_result).toBe('temporary_failure');
    await h.db.updateTable('connected_accounts').set({ last_health_check_result: null }).where('id', '=', ids.aKeys!).execute();
  });

  it('W3 keeps a root the member is still connected to after the developer disables it, for that member only', async () => {
    expect((await h.request('PUT', '/data-integrations/old-keys', { enabled: false })).status).toBe(200);
    const a = await w(tokens.a!, 'GET', '/DataIntegrations/mine');
    expect(item(a, 'old-keys').installation.id).toBe(ids.aOld);
    const b = await w(tokens.b!, 'GET', '/DataIntegrations/mine');
    expect(item(b, 'old-keys')).toBeUndefined();
  });

  it('§7.5: a member sees and touches only their own connections', async () => {
    const b = await w(tokens.b!, 'GET', '/DataIntegrations/mine');
    expect(item(b, 'keys').installation.id).toBe(ids.bKeys);
    expect(b.text).not.toContain(ids.aKeys!);
    // The same user in another organization is another owner.
    const aOrg2 = await w(tokens.aOrg2!, 'GET', '/DataIntegrations/mine');
    expect(item(aOrg2, 'keys').installation).toBeNull();
    for (const token of [tokens.a!, tokens.aOrg2!, tokens.noOrg!]) {
      const del = await w(token, 'DELETE', `/DataIntegrations/installations/${ids.bKeys}`);
      expect(del.status).toBe(404);
      expect(del.text).not.toContain('user_b');
    }
    expect((await w(tokens.aOrg2!, 'DELETE', `/DataIntegrations/installations/${ids.aKeys}`)).status).toBe(404);
    // Nor through the organization's route, even with an admin token of the same organization.
    expect((await w(tokens.admin1!, 'DELETE', `/DataIntegrations/organization/installations/${ids.bKeys}`)).status).toBe(404);
    expect(await accountRow(ids.bKeys!)).toMatchObject({ state: 'connected', api_key_last4: '8765' });
    // W6 writes the token's owner: user_a's PUT does not rotate user_b's key.
    await w(tokens.a!, 'PUT', '/DataIntegrations/keys/api-key', { secret: 'ak_widget_user_a_rot_1111' });
    expect((await accountRow(ids.bKeys!))!.api_key_last4).toBe('8765');
  });

  it('§7.5: a token without sub cannot drive the member widget; admin routes need the permission', async () => {
    for (const [method, path, body] of [
      ['GET', '/DataIntegrations/mine', undefined],
      ['POST', '/DataIntegrations/acme/authorize', { requireHandoff: true }],
      ['PUT', '/DataIntegrations/keys/api-key', { secret: 'x' }],
      ['PUT', '/DataIntegrations/cc/client-credentials', { client_id: 'x', client_secret: 'y' }],
      ['DELETE', `/DataIntegrations/installations/${ids.aKeys}`, undefined],
    ] as const) {
      const res = await w(tokens.noSub!, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('invalid_widget_token');
    }
    const adminRoutes = [
      ['GET', '/DataIntegrations/configurations', undefined],
      ['PUT', '/DataIntegrations/keys/configuration', { enabled: true }],
      ['GET', '/DataIntegrations/organization', undefined],
      ['PUT', '/DataIntegrations/keys/organization/configuration', { enabled: true }],
      ['POST', '/DataIntegrations/acme/organization/authorize', { config: {} }],
      ['PUT', '/DataIntegrations/keys/organization/api-key', { secret: 'x' }],
      ['PUT', '/DataIntegrations/cc/organization/client-credentials', { client_id: 'x', client_secret: 'y' }],
      ['DELETE', `/DataIntegrations/organization/installations/${ids.aKeys}`, undefined],
    ] as const;
    for (const token of [tokens.a!, tokens.noSub!]) {
      for (const [method, path, body] of adminRoutes) {
        const res = await w(token, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    }
    // Even an invalid body is refused for the token first.
    expect((await w(tokens.a!, 'PUT', '/DataIntegrations/keys/configuration', { organization_id: 'org_2' })).status).toBe(403);
    // The API key is never a widget credential.
    expect((await w(h.apiKey, 'GET', '/DataIntegrations/mine')).status).toBe(403);
    expect(await accountRow(ids.aKeys!)).toBeDefined();
  });

  it('W5 answers the §4.8 shape and its URL starts an OpenPipes flow for owner u|sub|org', async () => {
    const res = await w(tokens.a!, 'POST', '/DataIntegrations/acme/authorize', { requireHandoff: true, config: {} });
    expect(res.status, res.text).toBe(200);
    expect(keys(res.body)).toEqual(['handoffToken', 'redirectToken', 'url']);
    expect(res.body.url).toBe(`https://pipes.test/data-integrations/${res.body.redirectToken}/authorize-redirect`);
    expect(res.body.redirectToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.handoffToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await browse(h, new CookieJar(), 'GET', res.body.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('user user_a in organization org_1');
    // The page waits for the opening window: Continue is disabled until the handoff script runs.
    expect(page.body).toContain('<script src="/pipes/handoff.js"></script>');
    expect(page.body).toMatch(/<button type="submit" disabled>/);

    // §8.3: Continue needs the handoff token, from one of the environment's allowed origins.
    const csrfOf = async (jar: CookieJar) =>
      /name="csrf_token" value="([^"]+)"/.exec((await browse(h, jar, 'GET', res.body.url)).body)?.[1] ?? '';
    for (const handedOver of [
      {},
      { handoff_token: 'x'.repeat(43), opener_origin: 'https://app.example.com' },
      { handoff_token: res.body.handoffToken, opener_origin: 'https://evil.example' },
    ]) {
      const jar = new CookieJar();
      const refused = await browse(h, jar, 'POST', res.body.url, { csrf_token: await csrfOf(jar), ...handedOver });
      expect(refused.status, JSON.stringify(handedOver)).toBe(403);
      expect(refused.body).toContain('Start again from the application');
    }
    // Without a handoff request, W5's flow keeps R12's protections and shows no script.
    const plain = await w(tokens.a!, 'POST', '/DataIntegrations/acme/authorize', { requireHandoff: false });
    expect(keys(plain.body)).toEqual(['redirectToken', 'url']);
    expect((await browse(h, new CookieJar(), 'GET', plain.body.url)).body).not.toContain('<script');

    const handoff = { token: res.body.handoffToken, origin: 'https://app.example.com' };
    const { final } = await connectThroughBrowser(h, oidc, res.body.url, { account: 'alice', handoff });
    expect(final.status, final.body).toBe(200);
    const acme = item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'acme');
    expect(acme.installation).toMatchObject({ auth_method: 'oauth', state: 'connected', user_id: 'user_a', organization_id: 'org_1' });
    expect((await accountRow(acme.installation.id))!.owner_key).toBe('u|user_a|org_1');
    expect(item(await w(tokens.b!, 'GET', '/DataIntegrations/mine'), 'acme').installation).toBeNull();

    // Unknown keys (the REST body's user_id included) are 400: the owner only ever comes from the token.
    expect((await w(tokens.a!, 'POST', '/DataIntegrations/acme/authorize', { requireHandoff: true, user_id: 'user_b' })).status).toBe(400);
    expect((await w(tokens.a!, 'POST', '/DataIntegrations/keys/authorize', { requireHandoff: true })).status).toBe(422);
  });

  it('with the confirmation screen off, a handoff-bound flow still shows its page and submits itself once handed over', async () => {
    await h.deps.environments.configure('default', { confirmationScreen: false });
    try {
      const bound = await w(tokens.a!, 'POST', '/DataIntegrations/acme/authorize', { requireHandoff: true });
      const page = await browse(h, new CookieJar(), 'GET', bound.body.url);
      expect(page.status).toBe(200);
      expect(page.body).toContain('data-handoff="auto"');
      // A flow without a handoff goes straight on to the provider, as before.
      const plain = await w(tokens.a!, 'POST', '/DataIntegrations/acme/authorize', { requireHandoff: false });
      expect((await browse(h, new CookieJar(), 'GET', plain.body.url)).status).toBe(303);
    } finally {
      await h.deps.environments.configure('default', { confirmationScreen: true });
    }
  });

  it('W5: R12’s business 403s become 422 with their code (never a token-refreshing 403)', async () => {
    const missing = await w(tokens.a!, 'POST', '/DataIntegrations/github/authorize', { requireHandoff: true });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('organization_credentials_missing');
    expect(missing.body.message).toEqual(expect.any(String));
    expect((await h.request('PUT', '/data-integrations/acme', { enabled: false })).status).toBe(200);
    const disabled = await w(tokens.a!, 'POST', '/DataIntegrations/acme/authorize', { requireHandoff: true });
    expect(disabled.status).toBe(422);
    expect(disabled.body.code).toBe('integration_disabled');
    expect((await h.request('PUT', '/data-integrations/acme', { enabled: true })).status).toBe(200);
  });

  it('W7 tries the client credentials at the provider, keeps stored config when none is sent, and maps refusals', async () => {
    const res = await w(tokens.a!, 'PUT', '/DataIntegrations/cc/client-credentials', {
      client_id: ` ${CC.clientId} `,
      client_secret: CC.clientSecret,
    });
    expect(res.status, res.text).toBe(200);
    expect(keys(res.body)).toEqual(INSTALLATION_KEYS);
    expect(res.body).toMatchObject({
      auth_method: 'client_credentials',
      client_id: CC.clientId,
      client_secret_last_4: '9Z8Y',
      state: 'connected',
      scopes: ['read'],
      user_id: 'user_a',
      organization_id: 'org_1',
    });
    expect(res.text).not.toContain(CC.clientSecret);
    const wrong = await w(tokens.a!, 'PUT', '/DataIntegrations/cc/client-credentials', {
      client_id: CC.clientId,
      client_secret: 'nope-0000',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'client_credentials_rejected', message: 'The provider refused these client credentials.' });
    expect((await w(tokens.a!, 'PUT', '/DataIntegrations/cc/client-credentials', { client_secret: 'x' })).status).toBe(400);
    const blank = await w(tokens.a!, 'PUT', '/DataIntegrations/cc/client-credentials', { client_id: '  ', client_secret: 'x' });
    expect(blank.status).toBe(422);
    expect(blank.body.message).toBe('Enter the client ID.');
    expect((await w(tokens.a!, 'PUT', '/DataIntegrations/keys/client-credentials', { client_id: 'a', client_secret: 'b' })).status).toBe(
      422,
    );
    // Still user_a's one connection, unchanged by the refused attempt.
    expect(item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'cc').installation).toMatchObject({
      id: res.body.id,
      state: 'connected',
    });
  });

  it('W8 disconnects the member’s own installation: 200 {"success":true}, then W3 shows none', async () => {
    const res = await h.app.inject({
      method: 'DELETE',
      url: `/_widgets/DataIntegrations/installations/${ids.aKeys}`,
      headers: { authorization: `Bearer ${tokens.a}`, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ success: true });
    expect(item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'keys').installation).toBeNull();
    expect(await accountRow(ids.aKeys!)).toBeUndefined();
    expect((await w(tokens.a!, 'DELETE', `/DataIntegrations/installations/${ids.aKeys}`)).status).toBe(404);
    expect(await accountRow(ids.bKeys!)).toBeDefined();
    // A disconnected root that the developer disabled drops out of W3.
    expect((await w(tokens.a!, 'DELETE', `/DataIntegrations/installations/${ids.aOld}`)).body).toEqual({ success: true });
    expect(item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'old-keys')).toBeUndefined();
  });

  it('W9 lists the organization’s provider settings in the §4.6 shape', async () => {
    const res = await w(tokens.admin1!, 'GET', '/DataIntegrations/configurations');
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((i: any) => i.slug)).toEqual(['acme', 'cc', 'github', 'keys', 'old-keys', 'zendesk']);
    const github = item(res, 'github');
    expect(keys(github)).toEqual([...CONFIGURATION_KEYS, 'iconSlug'].sort());
    expect(keys(github.credentials)).toEqual(CREDENTIALS_KEYS);
    expect(github).toMatchObject({
      object: 'data_integration_configuration',
      name: 'GitHub',
      integrationType: 'github',
      iconSlug: 'github',
      ownership: 'userland_user',
      enabled: true,
      authMethods: ['oauth'],
      credentials: { credentialsType: 'organization', hasCredentials: false, client_id: null, redactedClientSecret: null },
    });
    expect(github.credentials.redirectUri).toMatch(/^https:\/\/pipes\.test\/data-integrations\/github\/dik_/);
    expect(github.defaultScopes).toEqual(github.scopes);
    expect(github.availableScopes).toEqual(github.defaultScopes);
    expect(item(res, 'old-keys')).toMatchObject({ enabled: false, credentials: { credentialsType: 'custom', redirectUri: '' } });
    expect(item(res, 'acme')).toMatchObject({ name: HTML_NAME, description: HTML_DESCRIPTION, availableScopes: [] });
  });

  it('W10 stores the organization’s app (secret as its last four) and inherits echoed values; org 2 is untouched', async () => {
    const secret = 'gh-org-1-secret-ABCD';
    const { defaultScopes } = item(await w(tokens.admin1!, 'GET', '/DataIntegrations/configurations'), 'github');
    // The dialog echoes enabled and the scopes it was seeded with, in any order.
    const scopes = [...defaultScopes].reverse();
    const body = { enabled: true, client_id: 'gh-org-1', client_secret: secret, scopes };
    const res = await w(tokens.admin1!, 'PUT', '/DataIntegrations/github/configuration', body);
    expect(res.status, res.text).toBe(200);
    expect(keys(res.body)).toEqual([...CONFIGURATION_KEYS, 'iconSlug'].sort());
    expect(res.body.credentials).toMatchObject({ hasCredentials: true, client_id: 'gh-org-1', redactedClientSecret: 'ABCD' });
    expect(res.text).not.toContain(secret);
    const row = await h.db.selectFrom('org_configurations').selectAll().where('organization_id', '=', 'org_1').executeTakeFirstOrThrow();
    expect(row.enabled).toBeNull();
    expect(row.scopes).toBeNull();
    const other = item(await w(tokens.admin2!, 'GET', '/DataIntegrations/configurations'), 'github');
    expect(other.credentials).toMatchObject({ hasCredentials: false, client_id: null });
    // Now org_1's members can connect GitHub; org_2's cannot.
    expect(item(await w(tokens.a!, 'GET', '/DataIntegrations/mine'), 'github')).toMatchObject({
      iconSlug: 'github',
      integrationType: 'github',
    });
    expect(item(await w(tokens.aOrg2!, 'GET', '/DataIntegrations/mine'), 'github')).toBeUndefined();
    // Unknown keys (an organization in the body) are refused; the organization is the token's.
    expect(
      (await w(tokens.admin2!, 'PUT', '/DataIntegrations/github/configuration', { organization_id: 'org_1', enabled: false })).status,
    ).toBe(400);
    expect((await w(tokens.admin1!, 'PUT', '/DataIntegrations/nope/configuration', { enabled: true })).status).toBe(404);
  });

  it('W11 lists every organization-owned root with configuration and capabilities (§4.7)', async () => {
    const res = await w(tokens.admin1!, 'GET', '/DataIntegrations/organization');
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((i: any) => i.slug)).toEqual(['acme', 'cc', 'keys']);
    const acme = item(res, 'acme');
    expect(keys(acme)).toEqual([...INTEGRATION_KEYS, 'capabilities', 'configuration'].sort());
    expect(keys(acme.configuration)).toEqual(
      [...SETTINGS_KEYS, 'configured', 'disabledSource', 'hasOverride', 'overrideEnabled', 'rootEnabled'].sort(),
    );
    expect(acme).toMatchObject({
      ownership: 'organization',
      installation: null,
      connected_accounts: [],
      configuration: {
        hasOverride: false,
        rootEnabled: true,
        overrideEnabled: null,
        enabled: true,
        disabledSource: null,
        configured: true,
      },
      capabilities: { canConfigure: true, canConnect: true, canReauthorize: true, canUpdateCredentials: true, canDisconnect: true },
    });
    // Without a member in the token, connect-type actions are hidden (§13.5).
    const noSub = item(await w(tokens.admin1NoSub!, 'GET', '/DataIntegrations/organization'), 'acme');
    expect(noSub.capabilities).toEqual({
      canConfigure: true,
      canConnect: false,
      canReauthorize: false,
      canUpdateCredentials: false,
      canDisconnect: true,
    });
  });

  it('W13 needs the acting member (422 acting_user_required), then starts a flow owned by the organization', async () => {
    const noSub = await w(tokens.admin1NoSub!, 'POST', '/DataIntegrations/acme/organization/authorize', { config: {} });
    expect(noSub.status).toBe(422);
    expect(noSub.body.code).toBe('acting_user_required');
    for (const path of ['/DataIntegrations/keys/organization/api-key', '/DataIntegrations/cc/organization/client-credentials']) {
      const res = await w(tokens.admin1NoSub!, 'PUT', path, { secret: 'x', client_id: 'x', client_secret: 'y' });
      expect(res.status, path).toBe(422);
      expect(res.body.code).toBe('acting_user_required');
    }
    const res = await w(tokens.admin1!, 'POST', '/DataIntegrations/acme/organization/authorize', { config: {} });
    expect(res.status, res.text).toBe(200);
    // W13 always binds its flow to the opening window (§4.8).
    expect(keys(res.body)).toEqual(['handoffToken', 'redirectToken', 'url']);
    expect(res.body.url).toContain(res.body.redirectToken);
    const page = await browse(h, new CookieJar(), 'GET', res.body.url);
    expect(page.body).toContain('organization org_1');
    const handoff = { token: res.body.handoffToken, origin: 'https://app.example.com' };
    const { final } = await connectThroughBrowser(h, oidc, res.body.url, { account: 'olivia', handoff });
    expect(final.status, final.body).toBe(200);
    const acme = item(await w(tokens.admin1!, 'GET', '/DataIntegrations/organization'), 'acme');
    expect(acme.installation).toMatchObject({ auth_method: 'oauth', state: 'connected', user_id: null, organization_id: 'org_1' });
    expect(acme.connected_accounts).toEqual([acme.installation]);
    ids.orgAcme = acme.installation.id;
    expect((await accountRow(ids.orgAcme!))!.owner_key).toBe('o|org_1');
    // Org 2's admin sees no connection for its organization.
    expect(item(await w(tokens.admin2!, 'GET', '/DataIntegrations/organization'), 'acme').installation).toBeNull();
  });

  it('W14 and W15 save shared connections for o|org; W4 shows members their availability only', async () => {
    const key = await w(tokens.admin1!, 'PUT', '/DataIntegrations/keys/organization/api-key', { secret: 'ak_org_1_shared_5555' });
    expect(key.status, key.text).toBe(200);
    expect(keys(key.body)).toEqual(INSTALLATION_KEYS);
    expect(key.body).toMatchObject({ user_id: null, organization_id: 'org_1', api_key_last_4: '5555', auth_method: 'api_key' });
    ids.orgKeys = key.body.id;
    const cc = await w(tokens.admin1!, 'PUT', '/DataIntegrations/cc/organization/client-credentials', {
      client_id: CC_ORG.clientId,
      client_secret: CC_ORG.clientSecret,
    });
    expect(cc.status, cc.text).toBe(200);
    expect(cc.body).toMatchObject({ user_id: null, organization_id: 'org_1', client_id: CC_ORG.clientId, client_secret_last_4: '7X6W' });
    expect(cc.text).not.toContain(CC_ORG.clientSecret);

    const shared = await w(tokens.b!, 'GET', '/DataIntegrations/shared-connections');
    expect(shared.status, shared.text).toBe(200);
    expect(shared.body.data.map((i: any) => i.slug)).toEqual(['acme', 'cc', 'keys']);
    const keysItem = item(shared, 'keys');
    expect(keys(keysItem)).toEqual(['connected_accounts', 'description', 'id', 'name', 'object', 'ownership', 'slug']);
    expect(keysItem.connected_accounts).toEqual([
      {
        object: 'connected_account',
        id: ids.orgKeys,
        state: 'connected',
        availability: 'available',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
    ]);
    expect(shared.text).not.toContain('5555');
    expect(item(shared, 'acme').name).toBe(HTML_NAME);
    // Any valid token may ask; another organization sees nothing of org_1's, no organization sees nothing at all.
    expect((await w(tokens.noSub!, 'GET', '/DataIntegrations/shared-connections')).body.data).toHaveLength(3);
    expect((await w(tokens.aOrg2!, 'GET', '/DataIntegrations/shared-connections')).body).toEqual({ data: [] });
    expect((await w(tokens.noOrg!, 'GET', '/DataIntegrations/shared-connections')).body).toEqual({ data: [] });
  });

  it('W12 edits the shared row’s settings, answering its W11 item; disabling hides it from members', async () => {
    const res = await w(tokens.admin1!, 'PUT', '/DataIntegrations/keys/organization/configuration', { enabled: false });
    expect(res.status, res.text).toBe(200);
    expect(keys(res.body)).toEqual([...INTEGRATION_KEYS, 'capabilities', 'configuration'].sort());
    expect(res.body).toMatchObject({
      slug: 'keys',
      ownership: 'organization',
      installation: { id: ids.orgKeys },
      configuration: { hasOverride: true, rootEnabled: true, overrideEnabled: false, enabled: false, disabledSource: 'organization' },
      capabilities: { canConnect: false, canUpdateCredentials: false, canDisconnect: true },
    });
    expect(item(await w(tokens.b!, 'GET', '/DataIntegrations/shared-connections'), 'keys')).toBeUndefined();
    // Echoing the developer's value inherits again.
    const back = await w(tokens.admin1!, 'PUT', '/DataIntegrations/keys/organization/configuration', { enabled: true });
    expect(back.body.configuration).toMatchObject({ overrideEnabled: null, enabled: true, disabledSource: null });
    expect(item(await w(tokens.b!, 'GET', '/DataIntegrations/shared-connections'), 'keys')).toBeDefined();
    expect((await w(tokens.admin1!, 'PUT', '/DataIntegrations/github/organization/configuration', { enabled: true })).status).toBe(404);
  });

  it('W16: an admin of another organization gets 404 and the row stays; the owner’s admin disconnects with 200', async () => {
    for (const token of [tokens.admin2!]) {
      const res = await w(token, 'DELETE', `/DataIntegrations/organization/installations/${ids.orgKeys}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('org_1');
    }
    // A member of org_1 cannot use the member route on the organization's connection either.
    expect((await w(tokens.b!, 'DELETE', `/DataIntegrations/installations/${ids.orgKeys}`)).status).toBe(404);
    expect((await w(tokens.b!, 'DELETE', `/DataIntegrations/organization/installations/${ids.orgKeys}`)).status).toBe(403);
    expect((await w(tokens.admin2!, 'PUT', '/DataIntegrations/keys/organization/api-key', { secret: 'ak_org_2_0002' })).status).toBe(200);
    expect((await accountRow(ids.orgKeys!))!.api_key_last4).toBe('5555');

    const res = await w(tokens.admin1NoSub!, 'DELETE', `/DataIntegrations/organization/installations/${ids.orgKeys}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect(await accountRow(ids.orgKeys!)).toBeUndefined();
    expect(item(await w(tokens.admin1!, 'GET', '/DataIntegrations/organization'), 'keys').installation).toBeNull();
    expect(item(await w(tokens.admin2!, 'GET', '/DataIntegrations/organization'), 'keys').installation).not.toBeNull();
  });
});

describe('W7/W15 config rules (§5 W7, §11.3.1)', () => {
  const fields = [
    { name: 'region', label: 'Region', description: 'd', scope: 'installation', pattern: '^.+$', required: false, secret: false },
    { name: 'token', label: 'Token', description: 'd', scope: 'installation', pattern: '^.+$', required: false, secret: true },
  ] as const;
  const stored = StoredConfig.of({ region: 'eu', token: 'sealed:t0k3n' }, (_field, sealed) => sealed.replace('sealed:', ''));
  const run = async (config: Record<string, string> | undefined, existing = true) => {
    const saved: { config?: Record<string, string> }[] = [];
    const connections = new WidgetConnections({
      catalog: { get: () => ({ configFields: fields }) } as any,
      authorization: {} as any,
      apiKeyConnections: {} as any,
      clientCredentials: {
        save: async (_env: string, _slug: string, input: { config?: Record<string, string> }) => {
          saved.push(input);
          return { account: {} as any, created: false };
        },
      },
      accounts: {
        get: async () => {
          if (!existing) throw notFound('none');
          return { account: { state: 'connected', config: stored } as any, integration: {} as any, created: false };
        },
        delete: async () => undefined,
      },
      directory: {} as any,
    });
    await connections.saveClientCredentials({ environmentId: 'env', owner: userOwner('u', 'o'), userId: 'u' }, 'p', {
      client_id: 'id',
      client_secret: 'secret',
      ...(config ? { config } : {}),
    });
    return saved[0]!;
  };

  it('an absent config keeps the stored one; a present one replaces it but keeps stored secrets', async () => {
    expect((await run(undefined)).config).toEqual({ region: 'eu', token: 't0k3n' });
    expect((await run({ region: 'us' })).config).toEqual({ region: 'us', token: 't0k3n' });
    expect((await run({})).config).toEqual({ token: 't0k3n' });
    expect((await run({ token: 'new' })).config).toEqual({ token: 'new' });
    expect(await run(undefined, false)).not.toHaveProperty('config');
    expect((await run({ region: 'us' }, false)).config).toEqual({ region: 'us' });
  });
});
