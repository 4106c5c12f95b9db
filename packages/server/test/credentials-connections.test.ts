/**
 * End to end over the HTTP API (in-process harness): API-key connections (R15, R16) and
 * client-credentials connections (R17, R18) against a REAL authorization server (oidc-provider,
 * whose client_credentials grant is enabled), with credential vending (R13, R14, §3.5, §10.11),
 * multiple connections (§1.5, §10.8) and the events they record (§7.1, §11.1.3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness, type TestResponse } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { expireAccount } from './support/expire-account.ts';

const DATE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INSTALLATION_ID = /^data_installation_[0-9A-Z]{26}$/;
const last4 = (s: string) => s.slice(-4);

describe.each(DIALECTS)('API-key and client-credentials connections on %s', (dialect) => {
  let h: Harness;
  let oidc: OidcServer;
  const integrationIds: Record<string, string> = {};

  /**
   * Every secret sent to the server. Each response is checked as it arrives: a secret may only
   * come back as the vended `credential.value` of a `/credentials` answer.
   */
  const secrets = new Set<string>();
  /** Client secrets: never returned by anything. */
  const clientSecrets = new Set<string>();
  let responsesChecked = 0;

  const api = async <T = any>(method: string, url: string, body?: unknown): Promise<TestResponse<T>> => {
    const res = await h.request<T>(method, url, body);
    responsesChecked++;
    for (const s of clientSecrets) expect(res.text, `${method} ${url} echoed a client secret`).not.toContain(s);
    for (const s of secrets) {
      if (!res.text.includes(s)) continue;
      expect(url, `${method} ${url} echoed a secret`).toMatch(/\/credentials$/);
      expect((res.body as any)?.credential?.value, `${method} ${url} carried a secret outside credential.value`).toBe(s);
      expect(res.text.split(s).length - 1, 'the secret appears once, as the value').toBe(1);
    }
    return res;
  };
  const credentials = (slug: string, body: Record<string, unknown>) => api('POST', `/data-integrations/${slug}/credentials`, body);
  const token = (slug: string, body: Record<string, unknown>) => api('POST', `/data-integrations/${slug}/token`, body);
  const accountsOf = (slug: string) =>
    h.db
      .selectFrom('connected_accounts as ca')
      .innerJoin('data_integrations as di', 'di.id', 'ca.integration_id')
      .selectAll('ca')
      .where('di.slug', '=', slug)
      .execute();
  const events = async (name: string, slug: string) => {
    const res = await api('GET', `/events?events=${name}&limit=100`);
    expect(res.status, res.text).toBe(200);
    return (res.body.data as any[]).filter((e) => e.data.provider_slug === slug);
  };

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness(dialect, { allowInsecureProviderUrls: true });
    const create = async (key: string, body: Record<string, unknown>) => {
      const res = await api('POST', '/data-integrations', body);
      expect(res.status, res.text).toBe(201);
      integrationIds[key] = res.body.id;
      return res.body;
    };
    const keys = await create('acme-keys', {
      provider: 'acme-keys',
      auth_methods: ['api_key'],
      enabled: true,
      custom_provider: { name: 'Acme Keys' },
    });
    expect(keys).toMatchObject({ slug: 'acme-keys', ownership: 'user', auth_methods: ['api_key'], state: 'valid', credentials: null });
    // The organization-owned root of the same custom provider (shares the definition).
    await create('acme-keys@org', { provider: 'acme-keys', ownership: 'organization', auth_methods: ['api_key'], enabled: true });
    const cc = await create('acme-cc', {
      provider: 'acme-cc',
      auth_methods: ['client_credentials'],
      enabled: true,
      scopes: ['read'],
      custom_provider: { name: 'Acme CC', token_url: oidc.tokenUrl },
    });
    expect(cc).toMatchObject({
      slug: 'acme-cc',
      auth_methods: ['client_credentials'],
      state: 'valid',
      scopes: ['read'],
      credentials: null,
    });
    expect(cc.custom_provider).toMatchObject({ name: 'Acme CC', token_url: oidc.tokenUrl, authorization_url: null });
  });
  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  // -------------------------------------------------------------------------------------------
  describe('API-key connections (R15, R16) and vending (R13, R14)', () => {
    const K1 = 'ak_user1_compat_secret_0001';
    const K1_ROTATED = 'ak_user1_compat_rotated_0002';
    const K2 = 'ak_user1_standard_secret_0003';
    const K2_ROTATED = 'ak_user1_standard_rotated_0004';
    const K_SCOPED = 'ak_user1_org_scoped_secret_0005';
    const K_ORG = 'ak_org_shared_secret_0006';
    const K_ORG_ROTATED = 'ak_org_shared_rotated_0007';
    for (const s of [K1, K1_ROTATED, K2, K2_ROTATED, K_SCOPED, K_ORG, K_ORG_ROTATED]) secrets.add(s);
    const ids: Record<string, string> = {};

    it('R16 PUT creates the compatibility connection (200) with only a redacted hint', async () => {
      const res = await api('PUT', '/data-integrations/acme-keys/api-key', { user_id: 'user_k1', secret: K1 });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({
        object: 'connected_account',
        id: expect.stringMatching(INSTALLATION_ID),
        connection_role: 'compatibility',
        account_identifier: null,
        account_display_name: null,
        user_id: 'user_k1',
        organization_id: null,
        scopes: [],
        auth_method: 'api_key',
        api_key_last_4: last4(K1),
        client_id: null,
        client_secret_last_4: null,
        config: {},
        state: 'connected',
        created_at: expect.stringMatching(DATE_ISO),
        updated_at: expect.stringMatching(DATE_ISO),
        // Issue 12: nothing renewed, vended or checked yet.
        last_refreshed_at: null,
        last_used_at: null,
        last_health_check_at: null,
        last_health_check_result: null,
      });
      ids.compat = res.body.id;
      // Stored sealed, never in clear.
      const row = (await accountsOf('acme-keys')).find((r) => r.id === ids.compat)!;
      expect(JSON.stringify(row)).not.toContain(K1);
    });

    it('R14 vends the stored secret: auth_method api_key, value, config, and no expiry or scope keys', async () => {
      const res = await credentials('acme-keys', { user_id: 'user_k1' });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ active: true, credential: { object: 'credential', auth_method: 'api_key', value: K1, config: {} } });
      for (const key of ['expires_at', 'scopes', 'missing_scopes', 'metadata']) expect(res.body.credential).not.toHaveProperty(key);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('R13 /token on an API-key connection answers 422 unsupported_auth_method (§10.11)', async () => {
      const res = await token('acme-keys', { user_id: 'user_k1' });
      expect(res.status, res.text).toBe(422);
      expect(res.body.code).toBe('unsupported_auth_method');
      expect(typeof res.body.message).toBe('string');
    });

    it('R15 POST with connection_intent add creates a standard connection (201); the compatibility one is still what plain clients see', async () => {
      const res = await api('POST', '/data-integrations/acme-keys/api-key', { user_id: 'user_k1', secret: K2, connection_intent: 'add' });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({
        object: 'connected_account',
        connection_role: 'standard',
        user_id: 'user_k1',
        organization_id: null,
        auth_method: 'api_key',
        api_key_last_4: last4(K2),
        state: 'connected',
      });
      expect(res.body.id).not.toBe(ids.compat);
      ids.standard = res.body.id;
      expect((await credentials('acme-keys', { user_id: 'user_k1' })).body.credential.value).toBe(K1);
      expect((await credentials('acme-keys', { user_id: 'user_k1', supports_multiple_connections: false })).body.credential.value).toBe(K1);
    });

    it('plural clients: 409 account_selection_required without connected_account_id, the selected secret with one', async () => {
      for (const call of [
        () => credentials('acme-keys', { user_id: 'user_k1', supports_multiple_connections: true }),
        () => token('acme-keys', { user_id: 'user_k1', supports_multiple_connections: true }),
      ]) {
        const ambiguous = await call();
        expect(ambiguous.status, ambiguous.text).toBe(409);
        expect(ambiguous.body.code).toBe('account_selection_required');
      }
      const std = await credentials('acme-keys', {
        user_id: 'user_k1',
        supports_multiple_connections: true,
        connected_account_id: ids.standard,
      });
      expect(std.body).toEqual({ active: true, credential: { object: 'credential', auth_method: 'api_key', value: K2, config: {} } });
      const compat = await credentials('acme-keys', {
        user_id: 'user_k1',
        supports_multiple_connections: true,
        connected_account_id: ids.compat,
      });
      expect(compat.body.credential.value).toBe(K1);
      // Another owner cannot reach the connection by its id.
      const foreign = await credentials('acme-keys', { user_id: 'user_other', connected_account_id: ids.standard });
      expect(foreign.body).toEqual({ active: false, error: 'not_installed' });
    });

    it('R16 rotation changes the vended secret: the compatibility connection by default, an exact one with reauthorize', async () => {
      const rotated = await api('PUT', '/data-integrations/acme-keys/api-key', { user_id: 'user_k1', secret: K1_ROTATED });
      expect(rotated.status, rotated.text).toBe(200);
      expect(rotated.body).toMatchObject({
        id: ids.compat,
        connection_role: 'compatibility',
        api_key_last_4: last4(K1_ROTATED),
        state: 'connected',
      });
      expect((await credentials('acme-keys', { user_id: 'user_k1' })).body.credential.value).toBe(K1_ROTATED);

      const exact = await api('PUT', '/data-integrations/acme-keys/api-key', {
        user_id: 'user_k1',
        connected_account_id: ids.standard,
        connection_intent: 'reauthorize',
        secret: K2_ROTATED,
      });
      expect(exact.status, exact.text).toBe(200);
      expect(exact.body).toMatchObject({ id: ids.standard, connection_role: 'standard', api_key_last_4: last4(K2_ROTATED) });
      expect((await credentials('acme-keys', { user_id: 'user_k1', connected_account_id: ids.standard })).body.credential.value).toBe(
        K2_ROTATED,
      );
      expect((await credentials('acme-keys', { user_id: 'user_k1' })).body.credential.value).toBe(K1_ROTATED);
      expect((await accountsOf('acme-keys')).filter((r) => r.user_id === 'user_k1' && r.organization_id === null)).toHaveLength(2);
    });

    it('a user connection scoped to an organization is its own owner shape (its own compatibility slot)', async () => {
      const res = await api('PUT', '/data-integrations/acme-keys/api-key', {
        user_id: 'user_k1',
        organization_id: 'org_k',
        secret: K_SCOPED,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        connection_role: 'compatibility',
        user_id: 'user_k1',
        organization_id: 'org_k',
        api_key_last_4: last4(K_SCOPED),
      });
      ids.scoped = res.body.id;
      expect((await credentials('acme-keys', { user_id: 'user_k1', organization_id: 'org_k' })).body.credential.value).toBe(K_SCOPED);
      expect((await credentials('acme-keys', { user_id: 'user_k1' })).body.credential.value).toBe(K1_ROTATED);
      expect((await credentials('acme-keys', { user_id: 'user_k1', organization_id: null })).body.credential.value).toBe(K1_ROTATED);
    });

    it('organization-owned connection: created by a member, shared by every member, no user owner', async () => {
      const res = await api('PUT', '/data-integrations/acme-keys/api-key', {
        user_id: 'admin_k',
        connection_owner: 'organization',
        organization_id: 'org_k',
        secret: K_ORG,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        connection_role: 'compatibility',
        user_id: null,
        organization_id: 'org_k',
        auth_method: 'api_key',
        api_key_last_4: last4(K_ORG),
      });
      ids.org = res.body.id;
      for (const member of ['admin_k', 'member_k2']) {
        const vend = await credentials('acme-keys', { user_id: member, connection_owner: 'organization', organization_id: 'org_k' });
        expect(vend.body).toEqual({ active: true, credential: { object: 'credential', auth_method: 'api_key', value: K_ORG, config: {} } });
      }
      // The acting member did not become an owner of anything user-owned.
      expect((await credentials('acme-keys', { user_id: 'admin_k' })).body).toEqual({ active: false, error: 'not_installed' });
      expect(
        (await credentials('acme-keys', { user_id: 'member_k2', connection_owner: 'organization', organization_id: 'org_other' })).body,
      ).toEqual({ active: false, error: 'not_installed' });

      const rotated = await api('PUT', '/data-integrations/acme-keys/api-key', {
        user_id: 'member_k2',
        connection_owner: 'organization',
        organization_id: 'org_k',
        secret: K_ORG_ROTATED,
      });
      expect(rotated.body).toMatchObject({ id: ids.org, api_key_last_4: last4(K_ORG_ROTATED) });
      expect(
        (await credentials('acme-keys', { user_id: 'admin_k', connection_owner: 'organization', organization_id: 'org_k' })).body.credential
          .value,
      ).toBe(K_ORG_ROTATED);

      const missingOrg = await credentials('acme-keys', { user_id: 'admin_k', connection_owner: 'organization' });
      expect(missingOrg.status).toBe(422);
      expect(missingOrg.body.errors[0].field).toBe('organization_id');
    });

    it('not_installed for an owner without a connection, 404 for an unknown integration', async () => {
      expect((await credentials('acme-keys', { user_id: 'nobody' })).body).toEqual({ active: false, error: 'not_installed' });
      const unknown = await credentials('no-such-slug', { user_id: 'user_k1' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('entity_not_found');
    });

    it('refuses malformed R15/R16 requests without storing anything', async () => {
      const before = (await accountsOf('acme-keys')).length;
      const cases: [string, Record<string, unknown>, number][] = [
        ['POST', { user_id: 'user_k9', secret: 'ak_never_stored_1' }, 422], // no connection_intent
        ['POST', { user_id: 'user_k9', secret: 'ak_never_stored_2', connection_intent: 'add', connected_account_id: ids.compat }, 422],
        ['PUT', { user_id: 'user_k9', secret: 'ak_never_stored_3', connection_intent: 'add' }, 422],
        ['PUT', { user_id: 'user_k9', secret: 'ak_never_stored_4', connection_intent: 'reauthorize' }, 422],
        ['PUT', { user_id: 'user_k9', secret: 'ak_never_stored_5', connection_owner: 'organization' }, 422],
        ['PUT', { user_id: 'user_k9' }, 400],
        ['PUT', { user_id: 'user_k9', secret: 42 }, 400],
      ];
      for (const [method, body, status] of cases) {
        if (typeof body.secret === 'string') secrets.add(body.secret);
        const res = await api(method, '/data-integrations/acme-keys/api-key', body);
        expect(res.status, `${method} ${JSON.stringify(body)} → ${res.text}`).toBe(status);
      }
      // An API key on a client-credentials integration.
      secrets.add('ak_never_stored_6');
      const wrongMethod = await api('PUT', '/data-integrations/acme-cc/api-key', { user_id: 'user_k9', secret: 'ak_never_stored_6' });
      expect(wrongMethod.status).toBe(422);
      expect((await accountsOf('acme-keys')).length).toBe(before);
      expect(await accountsOf('acme-cc')).toHaveLength(0);
    });

    it('records one connected event per connection it created, in the §7.1 shape', async () => {
      const connected = await events('pipes.connected_account.connected', 'acme-keys');
      for (const key of ['compat', 'standard', 'scoped', 'org'] as const) {
        const mine = connected.filter((e) => e.data.id === ids[key]);
        expect(mine, key).toHaveLength(1);
      }
      const compat = connected.find((e) => e.data.id === ids.compat)!;
      expect(compat).toEqual({
        object: 'event',
        id: expect.stringMatching(/^event_[0-9A-Z]{26}$/),
        event: 'pipes.connected_account.connected',
        data: {
          object: 'connected_account',
          id: ids.compat,
          data_integration_id: integrationIds['acme-keys'],
          provider_slug: 'acme-keys',
          user_id: 'user_k1',
          organization_id: null,
          scopes: [],
          state: 'connected',
          created_at: expect.stringMatching(DATE_ISO),
          updated_at: expect.stringMatching(DATE_ISO),
        },
        created_at: expect.stringMatching(DATE_ISO),
      });
      expect(connected.find((e) => e.data.id === ids.org)!.data).toMatchObject({
        data_integration_id: integrationIds['acme-keys@org'],
        user_id: null,
        organization_id: 'org_k',
      });
      expect(connected.find((e) => e.data.id === ids.scoped)!.data).toMatchObject({ user_id: 'user_k1', organization_id: 'org_k' });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('client-credentials connections against a real authorization server (R17, R18)', () => {
    const CLIENT_1 = { clientId: 'acme-cc-client-1', clientSecret: 'cc-secret-one-value-A1B2' };
    const CLIENT_2 = { clientId: 'acme-cc-client-2', clientSecret: 'cc-secret-two-value-C3D4' };
    const WRONG_SECRET = 'cc-secret-wrong-value-Z9Z9';
    const ids: Record<string, string> = {};
    const vended: string[] = [];

    beforeAll(() => {
      for (const c of [CLIENT_1, CLIENT_2]) {
        oidc.registerClient({ ...c, grantTypes: ['client_credentials'], tokenEndpointAuthMethod: 'client_secret_post' });
        clientSecrets.add(c.clientSecret);
      }
      clientSecrets.add(WRONG_SECRET);
    });

    const introspect = async (tokenValue: string) => {
      const res = await fetch(oidc.introspectionUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokenValue, client_id: CLIENT_1.clientId, client_secret: CLIENT_1.clientSecret }),
      });
      return (await res.json()) as { active: boolean; client_id?: string; scope?: string };
    };

    it('R18 PUT tries the credentials at the provider once and creates the compatibility connection (200)', async () => {
      oidc.resetCounts();
      const res = await api('PUT', '/data-integrations/acme-cc/client-credentials', {
        user_id: 'user_c1',
        client_id: CLIENT_1.clientId,
        client_secret: CLIENT_1.clientSecret,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({
        object: 'connected_account',
        id: expect.stringMatching(INSTALLATION_ID),
        connection_role: 'compatibility',
        account_identifier: null,
        account_display_name: null,
        user_id: 'user_c1',
        organization_id: null,
        scopes: ['read'],
        auth_method: 'client_credentials',
        api_key_last_4: null,
        client_id: CLIENT_1.clientId,
        client_secret_last_4: last4(CLIENT_1.clientSecret),
        config: {},
        state: 'connected',
        created_at: expect.stringMatching(DATE_ISO),
        updated_at: expect.stringMatching(DATE_ISO),
        // Issue 12: nothing renewed, vended or checked yet.
        last_refreshed_at: null,
        last_used_at: null,
        last_health_check_at: null,
        last_health_check_result: null,
      });
      ids.compat = res.body.id;
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
      expect(oidc.counts.tokenRequests).toBe(1);
      expect(oidc.counts.grantError).toBe(0);
      const row = (await accountsOf('acme-cc')).find((r) => r.id === ids.compat)!;
      expect(row.refresh_token).toBeNull();
      expect(JSON.stringify(row)).not.toContain(CLIENT_1.clientSecret);
    });

    it('R14 vends the token minted at install without calling the provider again', async () => {
      oidc.resetCounts();
      const res = await credentials('acme-cc', { user_id: 'user_c1' });
      expect(res.status, res.text).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.active).toBe(true);
      const c = res.body.credential;
      expect(Object.keys(c).sort()).toEqual([
        'auth_method',
        'config',
        'expires_at',
        'metadata',
        'missing_scopes',
        'object',
        'scopes',
        'value',
      ]);
      expect(c).toMatchObject({
        object: 'credential',
        auth_method: 'client_credentials',
        scopes: ['read'],
        missing_scopes: [],
        config: {},
      });
      expect(typeof c.value).toBe('string');
      expect(c.value.length).toBeGreaterThan(10);
      expect(c.expires_at).toMatch(DATE_ISO);
      const ttl = Date.parse(c.expires_at) - Date.now();
      expect(ttl).toBeGreaterThan(500_000);
      expect(ttl).toBeLessThanOrEqual(600_000);
      expect(c.metadata !== null && typeof c.metadata === 'object' && !Array.isArray(c.metadata)).toBe(true);
      for (const key of ['access_token', 'refresh_token', 'id_token', 'client_secret', 'expires_in', 'token_type', 'scope'])
        expect(c.metadata).not.toHaveProperty(key);
      expect(JSON.stringify(c.metadata)).not.toContain(c.value);
      vended.push(c.value);

      // A real token of that client at the provider.
      const info = await introspect(c.value);
      expect(info).toMatchObject({ active: true, client_id: CLIENT_1.clientId });

      const again = await credentials('acme-cc', { user_id: 'user_c1' });
      expect(again.body.credential.value).toBe(c.value);
      expect(oidc.counts.tokenRequests).toBe(0);
      expect(oidc.counts.clientCredentialsGrants).toBe(0);
    });

    it('R13 /token answers for a client-credentials connection with the same token (§10.11)', async () => {
      oidc.resetCounts();
      const res = await token('acme-cc', { user_id: 'user_c1' });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({
        active: true,
        access_token: {
          object: 'access_token',
          access_token: vended[0],
          expires_at: expect.stringMatching(DATE_ISO),
          scopes: ['read'],
          missing_scopes: [],
        },
      });
      expect(oidc.counts.tokenRequests).toBe(0);
    });

    it('an expired token is re-minted exactly once for 20 concurrent vends, and all of them share it', async () => {
      await expireAccount(h.db, ids.compat!);
      oidc.resetCounts();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0 ? credentials('acme-cc', { user_id: 'user_c1' }) : token('acme-cc', { user_id: 'user_c1' }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
      const values = answers.map((a) => (a.body.credential ? a.body.credential.value : a.body.access_token.access_token));
      expect(new Set(values).size).toBe(1);
      expect(values[0]).not.toBe(vended[0]);
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
      expect(oidc.counts.tokenRequests).toBe(1);
      expect(oidc.counts.grantError).toBe(0);
      expect(Date.parse(answers[0]!.body.credential.expires_at)).toBeGreaterThan(Date.now() + 500_000);
      expect((await introspect(values[0]!)).active).toBe(true);
      vended.push(values[0]!);
      // Renewal is not a new connection: no extra connected event.
      expect((await events('pipes.connected_account.connected', 'acme-cc')).filter((e) => e.data.id === ids.compat)).toHaveLength(1);
    });

    it('a wrong client_secret: 422 client_credentials_rejected, nothing stored, a connection_failed event', async () => {
      oidc.resetCounts();
      const before = await accountsOf('acme-cc');
      const res = await api('PUT', '/data-integrations/acme-cc/client-credentials', {
        user_id: 'user_c2',
        client_id: CLIENT_1.clientId,
        client_secret: WRONG_SECRET,
      });
      expect(res.status, res.text).toBe(422);
      expect(res.body.code).toBe('client_credentials_rejected');
      expect(oidc.counts.tokenRequests).toBe(1);
      expect(oidc.counts.clientCredentialsGrants).toBe(0);
      expect(await accountsOf('acme-cc')).toEqual(before);
      expect((await credentials('acme-cc', { user_id: 'user_c2' })).body).toEqual({ active: false, error: 'not_installed' });

      const failed = (await events('pipes.connected_account.connection_failed', 'acme-cc')).filter((e) => e.data.user_id === 'user_c2');
      expect(failed).toHaveLength(1);
      expect(failed[0].data).toEqual({
        object: 'connection_failed',
        data_integration_id: integrationIds['acme-cc'],
        provider_slug: 'acme-cc',
        user_id: 'user_c2',
        organization_id: null,
        error_code: 'token_exchange_failed',
        error_reason: expect.any(String),
        provider_error: expect.any(String),
        provider_error_description: expect.toBeOneOf([expect.any(String), null]),
        created_at: expect.stringMatching(DATE_ISO),
      });

      // A rejected rotation leaves the existing connection as it was.
      const rotation = await api('PUT', '/data-integrations/acme-cc/client-credentials', {
        user_id: 'user_c1',
        client_id: CLIENT_1.clientId,
        client_secret: WRONG_SECRET,
      });
      expect(rotation.status).toBe(422);
      expect(await accountsOf('acme-cc')).toEqual(before);
      expect((await credentials('acme-cc', { user_id: 'user_c1' })).body.credential.value).toBe(vended[1]);
    });

    it('R17 POST with connection_intent add creates a standard connection with its own client and token (201)', async () => {
      oidc.resetCounts();
      const res = await api('POST', '/data-integrations/acme-cc/client-credentials', {
        user_id: 'user_c1',
        client_id: CLIENT_2.clientId,
        client_secret: CLIENT_2.clientSecret,
        connection_intent: 'add',
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({
        object: 'connected_account',
        connection_role: 'standard',
        user_id: 'user_c1',
        auth_method: 'client_credentials',
        client_id: CLIENT_2.clientId,
        client_secret_last_4: last4(CLIENT_2.clientSecret),
        state: 'connected',
      });
      ids.standard = res.body.id;
      expect(oidc.counts.clientCredentialsGrants).toBe(1);

      const std = await credentials('acme-cc', {
        user_id: 'user_c1',
        supports_multiple_connections: true,
        connected_account_id: ids.standard,
      });
      expect(std.body.credential.auth_method).toBe('client_credentials');
      expect(std.body.credential.value).not.toBe(vended[1]);
      const info = await fetch(oidc.introspectionUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: std.body.credential.value, client_id: CLIENT_2.clientId, client_secret: CLIENT_2.clientSecret }),
      });
      expect(await info.json()).toMatchObject({ active: true, client_id: CLIENT_2.clientId });

      expect((await credentials('acme-cc', { user_id: 'user_c1' })).body.credential.value).toBe(vended[1]);
      const ambiguous = await credentials('acme-cc', { user_id: 'user_c1', supports_multiple_connections: true });
      expect(ambiguous.status).toBe(409);
      expect(ambiguous.body.code).toBe('account_selection_required');
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
    });

    it('R18 rotation to other client credentials mints a token for the new client', async () => {
      oidc.resetCounts();
      const res = await api('PUT', '/data-integrations/acme-cc/client-credentials', {
        user_id: 'user_c1',
        client_id: CLIENT_2.clientId,
        client_secret: CLIENT_2.clientSecret,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        id: ids.compat,
        connection_role: 'compatibility',
        client_id: CLIENT_2.clientId,
        client_secret_last_4: last4(CLIENT_2.clientSecret),
      });
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
      const vend = await credentials('acme-cc', { user_id: 'user_c1' });
      expect(vend.body.credential.value).not.toBe(vended[1]);
    });

    it('records connected events for the client-credentials connections', async () => {
      const connected = await events('pipes.connected_account.connected', 'acme-cc');
      expect(connected.filter((e) => e.data.id === ids.compat)).toHaveLength(1);
      expect(connected.filter((e) => e.data.id === ids.standard)).toHaveLength(1);
      expect(connected.find((e) => e.data.id === ids.compat)!.data).toMatchObject({
        object: 'connected_account',
        data_integration_id: integrationIds['acme-cc'],
        provider_slug: 'acme-cc',
        user_id: 'user_c1',
        organization_id: null,
        scopes: ['read'],
        state: 'connected',
      });
      expect(connected.some((e) => e.data.user_id === 'user_c2')).toBe(false);
    });

    it('requested scopes grow: missing_scopes names them until the next mint asks for them', async () => {
      const update = await api('PUT', '/data-integrations/acme-cc', { scopes: ['read', 'write'] });
      expect(update.status, update.text).toBe(200);
      oidc.resetCounts();
      const before = await credentials('acme-cc', { user_id: 'user_c1' });
      expect(before.body.credential).toMatchObject({ scopes: ['read'], missing_scopes: ['write'] });
      expect(oidc.counts.tokenRequests).toBe(0);

      await expireAccount(h.db, ids.compat!);
      const after = await credentials('acme-cc', { user_id: 'user_c1' });
      expect(after.status, after.text).toBe(200);
      expect(after.body.credential.scopes.sort()).toEqual(['read', 'write']);
      expect(after.body.credential.missing_scopes).toEqual([]);
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
      expect((await introspect2(after.body.credential.value)).scope?.split(' ').sort()).toEqual(['read', 'write']);
    });

    it('a client secret revoked at the provider: the next mint moves the connection to needs_reauthorization once; R18 with the new secret reconnects', async () => {
      const NEW_SECRET = 'cc-secret-two-rotated-E5F6';
      clientSecrets.add(NEW_SECRET);
      oidc.registerClient({
        clientId: CLIENT_2.clientId,
        clientSecret: NEW_SECRET,
        grantTypes: ['client_credentials'],
        tokenEndpointAuthMethod: 'client_secret_post',
      });
      await expireAccount(h.db, ids.compat!);
      oidc.resetCounts();
      const answers = await Promise.all(Array.from({ length: 5 }, () => credentials('acme-cc', { user_id: 'user_c1' })));
      expect(answers.map((a) => a.body)).toEqual(Array.from({ length: 5 }, () => ({ active: false, error: 'needs_reauthorization' })));
      expect((await token('acme-cc', { user_id: 'user_c1' })).body).toEqual({ active: false, error: 'needs_reauthorization' });
      expect(oidc.counts.tokenRequests).toBe(1);
      expect(oidc.counts.clientCredentialsGrants).toBe(0);
      const flagged = await api('GET', '/user_management/users/user_c1/connected_accounts/acme-cc');
      expect(flagged.body).toMatchObject({ id: ids.compat, state: 'needs_reauthorization', client_id: CLIENT_2.clientId });
      expect(
        (await events('pipes.connected_account.reauthorization_needed', 'acme-cc')).filter((e) => e.data.id === ids.compat),
      ).toHaveLength(1);

      const fixed = await api('PUT', '/data-integrations/acme-cc/client-credentials', {
        user_id: 'user_c1',
        client_id: CLIENT_2.clientId,
        client_secret: NEW_SECRET,
      });
      expect(fixed.status, fixed.text).toBe(200);
      expect(fixed.body).toMatchObject({ id: ids.compat, state: 'connected', client_secret_last_4: last4(NEW_SECRET) });
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
      const vend = await credentials('acme-cc', { user_id: 'user_c1' });
      expect(vend.body.active).toBe(true);
      expect((await introspect2(vend.body.credential.value)).active).toBe(true);
      // It entered `connected` again: a second connected event for the same connection.
      expect((await events('pipes.connected_account.connected', 'acme-cc')).filter((e) => e.data.id === ids.compat)).toHaveLength(2);
    });

    /** Introspects with the (current) second client, which any token of this server may be checked by. */
    const introspect2 = async (tokenValue: string) => {
      const current = (await accountsOf('acme-cc')).find((r) => r.id === ids.compat)!;
      const secret = h.keyring.open(current.client_secret!, `${h.environmentId}|connected_accounts|client_secret|${current.id}`);
      const res = await fetch(oidc.introspectionUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokenValue, client_id: current.client_id!, client_secret: secret }),
      });
      return (await res.json()) as { active: boolean; scope?: string };
    };
  });

  // -------------------------------------------------------------------------------------------
  describe('concurrent requests creating an owner’s first connection', () => {
    const CLIENT_3 = { clientId: 'acme-cc-client-3', clientSecret: 'cc-secret-three-value-G7H8' };
    beforeAll(() => {
      oidc.registerClient({ ...CLIENT_3, grantTypes: ['client_credentials'], tokenEndpointAuthMethod: 'client_secret_post' });
      clientSecrets.add(CLIENT_3.clientSecret);
    });
    const rowsOf = async (slug: string, userId: string) => (await accountsOf(slug)).filter((r) => r.user_id === userId);

    it('[concurrent-first-connection-500] 10 concurrent R16 PUTs upsert one compatibility connection, all 200', async () => {
      const sent = Array.from({ length: 10 }, (_, i) => `ak_race_put_secret_${String(i).padStart(4, '0')}`);
      for (const s of sent) secrets.add(s);
      const answers = await Promise.all(
        sent.map((secret) => api('PUT', '/data-integrations/acme-keys/api-key', { user_id: 'user_race1', secret })),
      );
      expect(answers.map((a) => a.status)).toEqual(sent.map(() => 200));
      const rows = await rowsOf('acme-keys', 'user_race1');
      expect(rows.map((r) => r.connection_role)).toEqual(['compatibility']);
      expect(new Set(answers.map((a) => a.body.id))).toEqual(new Set([rows[0]!.id]));
      expect(sent).toContain((await credentials('acme-keys', { user_id: 'user_race1' })).body.credential.value);
    });

    it('[concurrent-first-connection-500] 5 concurrent R15 POST adds: one compatibility and four standard connections, all 201', async () => {
      const sent = Array.from({ length: 5 }, (_, i) => `ak_race_post_secret_${String(i).padStart(4, '0')}`);
      for (const s of sent) secrets.add(s);
      const answers = await Promise.all(
        sent.map((secret) =>
          api('POST', '/data-integrations/acme-keys/api-key', { user_id: 'user_race2', secret, connection_intent: 'add' }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(sent.map(() => 201));
      const roles = (await rowsOf('acme-keys', 'user_race2')).map((r) => r.connection_role).sort();
      expect(roles).toEqual(['compatibility', 'standard', 'standard', 'standard', 'standard']);
    });

    it('[concurrent-first-connection-500] 5 concurrent R18 PUTs upsert one client-credentials connection, all 200', async () => {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          api('PUT', '/data-integrations/acme-cc/client-credentials', {
            user_id: 'user_race3',
            client_id: CLIENT_3.clientId,
            client_secret: CLIENT_3.clientSecret,
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect((await rowsOf('acme-cc', 'user_race3')).map((r) => r.connection_role)).toEqual(['compatibility']);
      expect((await credentials('acme-cc', { user_id: 'user_race3' })).body.active).toBe(true);
    });
  });

  it('every response was checked for secrets', () => {
    expect(responsesChecked).toBeGreaterThan(60);
    expect(secrets.size).toBeGreaterThan(5);
    expect(clientSecrets.size).toBeGreaterThanOrEqual(4);
  });
});
