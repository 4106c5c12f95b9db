/**
 * End to end with the official WorkOS Node SDK (`@workos-inc/node` 11.0.0) against a really
 * listening OpenPipes server and a REAL authorization server (oidc-provider): the authorization
 * flow (R12 + browser over real HTTP), token and credential vending (R13, R14) for the three auth
 * methods, API-key and client-credentials connections (R15–R18), deletes with provider-side
 * revocation (R22, R27, §10.9) and the events they leave (R28, §7.1, §11.1).
 */
import {
  ConflictException,
  NotFoundException,
  UnprocessableEntityException,
  WorkOS,
  type ConnectedAccount,
  type PipesConnectedAccount,
  type PipesConnectionFailed,
} from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectThroughBrowserHttp } from './support/connect-flow-http.ts';
import { DIALECTS } from './support/dialects.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';
import { listenHarness } from './support/listen.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';

const RETURN_TO = 'https://app.example.com/connected?tab=integrations';
const DATE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LINK = new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/data-integrations/[A-Za-z0-9_-]{43}/authorize-redirect$`);
const last4 = (s: string) => s.slice(-4);

const caught = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the SDK call to throw');
};

describe.each(DIALECTS)('WorkOS Node SDK 11: end-to-end flows against OpenPipes and a real authorization server on %s', (dialect) => {
  let h: Harness;
  let oidc: OidcServer;
  let workos: WorkOS;
  let baseUrl: string;
  const integrationIds: Record<string, string> = {};
  const accounts: Record<string, ConnectedAccount> = {};
  /** Secrets sent to the server; none may come back outside a vended credential. */
  const secretsSent: string[] = [];
  const expectNoSecrets = (value: unknown) => {
    const json = JSON.stringify(value);
    for (const s of secretsSent) expect(json).not.toContain(s);
  };

  const CC_1 = { clientId: 'wk-cc-client-1', clientSecret: 'wk-cc-secret-one-7Q7Q' };
  const CC_2 = { clientId: 'wk-cc-client-2', clientSecret: 'wk-cc-secret-two-8R8R' };

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    h = await startHarness(dialect, { allowInsecureProviderUrls: true });
    let port: number;
    ({ port, baseUrl } = await listenHarness(h));
    workos = new WorkOS(h.apiKey, { apiHostname: '127.0.0.1', port, https: false });

    // The OAuth provider needs the revocation_url / issuer extensions, which the SDK types do not
    // carry: created over the API directly. One user-owned and one organization-owned root.
    for (const [key, ownership, clientId] of [
      ['acme', 'user', 'wk-acme-client'],
      ['acme@org', 'organization', 'wk-acme-org-client'],
    ] as const) {
      const secret = `${clientId}-secret-5T6U`;
      secretsSent.push(secret);
      const res = await h.request('POST', '/data-integrations', {
        provider: 'acme',
        ownership,
        enabled: true,
        scopes: ['openid', 'offline_access', 'read'],
        credentials: { type: 'custom', client_id: clientId, client_secret: secret },
        ...(ownership === 'user'
          ? {
              custom_provider: {
                name: 'Acme Identity',
                authorization_url: oidc.authorizationUrl,
                token_url: oidc.tokenUrl,
                revocation_url: oidc.revocationUrl,
                issuer: oidc.issuer,
              },
            }
          : {}),
      });
      expect(res.status, res.text).toBe(201);
      integrationIds[key] = res.body.id;
      oidc.registerClient({ clientId, clientSecret: secret, redirectUris: [res.body.redirect_uri] });
    }
    for (const c of [CC_1, CC_2]) {
      oidc.registerClient({ ...c, grantTypes: ['client_credentials'], tokenEndpointAuthMethod: 'client_secret_post' });
      secretsSent.push(c.clientSecret);
    }

    const keys = await workos.pipes.createDataIntegration({
      provider: 'acme-keys',
      enabled: true,
      authMethods: ['api_key'],
      customProvider: { name: 'Acme Keys' },
    });
    expect(keys).toMatchObject({ slug: 'acme-keys', authMethods: ['api_key'], state: 'valid' });
    integrationIds['acme-keys'] = keys.id;
    const cc = await workos.pipes.createDataIntegration({
      provider: 'acme-cc',
      enabled: true,
      scopes: ['read'],
      authMethods: ['client_credentials'],
      customProvider: { name: 'Acme CC', tokenUrl: oidc.tokenUrl },
    });
    expect(cc).toMatchObject({ slug: 'acme-cc', authMethods: ['client_credentials'], state: 'valid', scopes: ['read'] });
    expect(cc.customProvider).toMatchObject({ name: 'Acme CC', tokenUrl: oidc.tokenUrl, authorizationUrl: null });
    integrationIds['acme-cc'] = cc.id;
  });
  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  describe('OAuth: authorizeDataIntegration → browser → getAccessToken / createDataIntegrationCredential', () => {
    let accessToken: string;

    it('authorizeDataIntegration (R12) returns a single-use link on the public URL', async () => {
      const res = await workos.pipes.authorizeDataIntegration({ slug: 'acme', userId: 'user_w1', returnTo: RETURN_TO });
      expect(Object.keys(res)).toEqual(['url']);
      expect(res.url).toMatch(LINK);
      await expect(workos.pipes.authorizeDataIntegration({ slug: 'no-such-provider', userId: 'user_w1' })).rejects.toBeInstanceOf(
        NotFoundException,
      );
      const badReturn = await caught(
        workos.pipes.authorizeDataIntegration({ slug: 'acme', userId: 'user_w1', returnTo: 'https://evil.example/' }),
      );
      expect(badReturn).toBeInstanceOf(UnprocessableEntityException);
    });

    it('the browser journey over real HTTP connects the account (one code grant, back to returnTo)', async () => {
      oidc.resetCounts();
      const { url } = await workos.pipes.authorizeDataIntegration({ slug: 'acme', userId: 'user_w1', returnTo: RETURN_TO });
      const { providerUrl, final } = await connectThroughBrowserHttp(baseUrl, oidc, url, { account: 'alice' });
      const p = new URL(providerUrl);
      expect(`${p.origin}${p.pathname}`).toBe(oidc.authorizationUrl);
      expect(p.searchParams.get('client_id')).toBe('wk-acme-client');
      expect(final.status, final.body).toBe(303);
      expect(final.location).toBe(RETURN_TO);
      expect(oidc.counts.codeGrants).toBe(1);
      expect(oidc.counts.tokenRequests).toBe(1);

      const acct = await workos.pipes.getUserConnectedAccount({ userId: 'user_w1', slug: 'acme' });
      expect(acct).toMatchObject({
        object: 'connected_account',
        userId: 'user_w1',
        organizationId: null,
        authMethod: 'oauth',
        state: 'connected',
        connectionRole: 'compatibility',
      });
      expect(acct.scopes).toEqual(expect.arrayContaining(['openid', 'read']));
      accounts.oauthUser = acct;
      expectNoSecrets(acct);
    });

    it('getAccessToken (R13): active, accessToken.accessToken and expiresAt as a Date, no provider call', async () => {
      oidc.resetCounts();
      const token = await workos.pipes.getAccessToken({ provider: 'acme', userId: 'user_w1' });
      expect(token.active).toBe(true);
      if (!token.active) throw new Error('unreachable');
      expect(token.accessToken.object).toBe('access_token');
      expect(typeof token.accessToken.accessToken).toBe('string');
      expect(token.accessToken.accessToken.length).toBeGreaterThan(10);
      expect(token.accessToken.expiresAt).toBeInstanceOf(Date);
      expect(token.accessToken.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
      expect(token.accessToken.scopes).toEqual(expect.arrayContaining(['openid', 'read']));
      expect(token.accessToken.missingScopes).toEqual([]);
      accessToken = token.accessToken.accessToken;
      // The token is the provider's own: userinfo accepts it.
      const me = await fetch(oidc.userinfoUrl, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { sub: string }).sub).toBe('alice');
      expect(oidc.counts.tokenRequests).toBe(0);
    });

    it('createDataIntegrationCredential (R14): authMethod oauth with the same token', async () => {
      const cred = await workos.pipes.createDataIntegrationCredential({ slug: 'acme', userId: 'user_w1' });
      expect(cred.active).toBe(true);
      if (!cred.active) throw new Error('unreachable');
      expect(cred.credential).toMatchObject({
        object: 'credential',
        authMethod: 'oauth',
        value: accessToken,
        missingScopes: [],
        config: {},
      });
      if (cred.credential.authMethod !== 'oauth') throw new Error('unreachable');
      expect(cred.credential.expiresAt).toMatch(DATE_ISO);
      expect(cred.credential.scopes).toEqual(expect.arrayContaining(['read']));
      expect(cred.credential.metadata).toBeUndefined();
    });

    it('inactive answers for owners without a connection; NotFoundException for an unknown provider', async () => {
      expect(await workos.pipes.getAccessToken({ provider: 'acme', userId: 'user_nobody' })).toEqual({
        active: false,
        error: 'not_installed',
      });
      expect(await workos.pipes.createDataIntegrationCredential({ slug: 'acme', userId: 'user_nobody' })).toEqual({
        active: false,
        error: 'not_installed',
      });
      expect(await workos.pipes.getAccessToken({ provider: 'acme', userId: 'user_w1', organizationId: 'org_unrelated' })).toEqual({
        active: false,
        error: 'not_installed',
      });
      await expect(workos.pipes.getAccessToken({ provider: 'no-such-provider', userId: 'user_w1' })).rejects.toBeInstanceOf(
        NotFoundException,
      );
    });
  });

  describe('API keys: createDataIntegrationApiKey / updateDataIntegrationApiKey → createDataIntegrationCredential', () => {
    const FIRST = 'wk_api_key_first_value_1A2B';
    const ROTATED = 'wk_api_key_rotated_value_3C4D';
    const SECOND = 'wk_api_key_second_value_5E6F';
    beforeAll(() => {
      secretsSent.push(FIRST, ROTATED, SECOND);
    });

    it('createDataIntegrationApiKey (R15) then the vended apiKey value', async () => {
      const acct = await workos.pipes.createDataIntegrationApiKey({
        slug: 'acme-keys',
        userId: 'user_w1',
        secret: FIRST,
        connectionIntent: 'add',
      });
      expect(acct).toMatchObject({
        object: 'connected_account',
        userId: 'user_w1',
        authMethod: 'api_key',
        apiKeyLast4: last4(FIRST),
        connectionRole: 'compatibility',
        state: 'connected',
      });
      expectNoSecrets(acct);
      accounts.apiKey = acct;
      const cred = await workos.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_w1' });
      expect(cred).toEqual({ active: true, credential: { object: 'credential', authMethod: 'api_key', value: FIRST, config: {} } });
    });

    it('updateDataIntegrationApiKey (R16) rotates it; getAccessToken refuses an API key (422 unsupported_auth_method)', async () => {
      const acct = await workos.pipes.updateDataIntegrationApiKey({ slug: 'acme-keys', userId: 'user_w1', secret: ROTATED });
      expect(acct).toMatchObject({ id: accounts.apiKey!.id, apiKeyLast4: last4(ROTATED), connectionRole: 'compatibility' });
      expectNoSecrets(acct);
      const cred = await workos.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_w1' });
      expect(cred.active && cred.credential.authMethod === 'api_key' && cred.credential.value).toBe(ROTATED);

      const err = await caught(workos.pipes.getAccessToken({ provider: 'acme-keys', userId: 'user_w1' }));
      expect(err).toBeInstanceOf(UnprocessableEntityException);
      expect((err as UnprocessableEntityException).code).toBe('unsupported_auth_method');
    });

    it('a second key (R15 add): plural callers select it, or get ConflictException account_selection_required', async () => {
      const std = await workos.pipes.createDataIntegrationApiKey({
        slug: 'acme-keys',
        userId: 'user_w1',
        secret: SECOND,
        connectionIntent: 'add',
      });
      expect(std).toMatchObject({ connectionRole: 'standard', apiKeyLast4: last4(SECOND) });
      accounts.apiKeyStandard = std;
      const picked = await workos.pipes.createDataIntegrationCredential({
        slug: 'acme-keys',
        userId: 'user_w1',
        supportsMultipleConnections: true,
        connectedAccountId: std.id,
      });
      expect(picked.active && picked.credential.value).toBe(SECOND);
      const plain = await workos.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_w1' });
      expect(plain.active && plain.credential.value).toBe(ROTATED);
      const err = await caught(
        workos.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_w1', supportsMultipleConnections: true }),
      );
      expect(err).toBeInstanceOf(ConflictException);
      expect((err as ConflictException).code).toBe('account_selection_required');
    });
  });

  describe('client credentials: updateDataIntegrationClientCredentials / createDataIntegrationClientCredential → vend', () => {
    let firstToken: string;

    it('updateDataIntegrationClientCredentials (R18) mints a token at the provider once', async () => {
      oidc.resetCounts();
      const acct = await workos.pipes.updateDataIntegrationClientCredentials({
        slug: 'acme-cc',
        userId: 'user_w1',
        clientId: CC_1.clientId,
        clientSecret: CC_1.clientSecret,
      });
      expect(acct).toMatchObject({
        object: 'connected_account',
        userId: 'user_w1',
        authMethod: 'client_credentials',
        clientId: CC_1.clientId,
        clientSecretLast4: last4(CC_1.clientSecret),
        apiKeyLast4: null,
        scopes: ['read'],
        connectionRole: 'compatibility',
        state: 'connected',
        config: {},
      });
      expectNoSecrets(acct);
      accounts.cc = acct;
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
      expect(oidc.counts.tokenRequests).toBe(1);
    });

    it('createDataIntegrationCredential: authMethod client_credentials with metadata; getAccessToken gives the same token', async () => {
      oidc.resetCounts();
      const cred = await workos.pipes.createDataIntegrationCredential({ slug: 'acme-cc', userId: 'user_w1' });
      expect(cred.active).toBe(true);
      if (!cred.active || cred.credential.authMethod !== 'client_credentials') throw new Error(`unexpected ${JSON.stringify(cred)}`);
      const c = cred.credential;
      expect(c).toMatchObject({ object: 'credential', scopes: ['read'], missingScopes: [], config: {} });
      expect(c.expiresAt).toMatch(DATE_ISO);
      expect(c.metadata !== null && typeof c.metadata === 'object').toBe(true);
      expect(c.metadata).not.toHaveProperty('access_token');
      firstToken = c.value;
      expectNoSecrets(cred);

      const token = await workos.pipes.getAccessToken({ provider: 'acme-cc', userId: 'user_w1' });
      if (!token.active) throw new Error('expected an active token');
      expect(token.accessToken.accessToken).toBe(firstToken);
      expect(token.accessToken.expiresAt).toBeInstanceOf(Date);
      expect(token.accessToken.expiresAt!.toISOString()).toBe(c.expiresAt);
      expect(oidc.counts.tokenRequests).toBe(0);
    });

    it('createDataIntegrationClientCredential (R17 add) adds a standard connection with its own token', async () => {
      oidc.resetCounts();
      const acct = await workos.pipes.createDataIntegrationClientCredential({
        slug: 'acme-cc',
        userId: 'user_w1',
        clientId: CC_2.clientId,
        clientSecret: CC_2.clientSecret,
        connectionIntent: 'add',
      });
      expect(acct).toMatchObject({
        connectionRole: 'standard',
        authMethod: 'client_credentials',
        clientId: CC_2.clientId,
        clientSecretLast4: last4(CC_2.clientSecret),
      });
      expectNoSecrets(acct);
      accounts.ccStandard = acct;
      expect(oidc.counts.clientCredentialsGrants).toBe(1);
      const picked = await workos.pipes.createDataIntegrationCredential({
        slug: 'acme-cc',
        userId: 'user_w1',
        supportsMultipleConnections: true,
        connectedAccountId: acct.id,
      });
      expect(picked.active && picked.credential.authMethod).toBe('client_credentials');
      expect(picked.active && picked.credential.value).not.toBe(firstToken);
    });

    it('wrong client secret → UnprocessableEntityException client_credentials_rejected, nothing stored', async () => {
      const wrong = 'wk-cc-secret-wrong-0X0X';
      secretsSent.push(wrong);
      const err = await caught(
        workos.pipes.updateDataIntegrationClientCredentials({
          slug: 'acme-cc',
          userId: 'user_w2',
          clientId: CC_1.clientId,
          clientSecret: wrong,
        }),
      );
      expect(err).toBeInstanceOf(UnprocessableEntityException);
      expect((err as UnprocessableEntityException).code).toBe('client_credentials_rejected');
      expect(JSON.stringify(err)).not.toContain(wrong);
      await expect(workos.pipes.getUserConnectedAccount({ userId: 'user_w2', slug: 'acme-cc' })).rejects.toBeInstanceOf(NotFoundException);
      expect(await workos.pipes.createDataIntegrationCredential({ slug: 'acme-cc', userId: 'user_w2' })).toEqual({
        active: false,
        error: 'not_installed',
      });
    });
  });

  describe('deletes revoke at the provider (§10.9)', () => {
    it('deleteUserConnectedAccount (R22): one revocation request, then not_installed', async () => {
      oidc.resetCounts();
      await expect(workos.pipes.deleteUserConnectedAccount({ userId: 'user_w1', slug: 'acme' })).resolves.toBeUndefined();
      expect(oidc.counts.revocationRequests).toBe(1);
      expect(oidc.counts.grantRevoked).toBe(1);
      expect(await workos.pipes.getAccessToken({ provider: 'acme', userId: 'user_w1' })).toEqual({ active: false, error: 'not_installed' });
      await expect(workos.pipes.getUserConnectedAccount({ userId: 'user_w1', slug: 'acme' })).rejects.toBeInstanceOf(NotFoundException);
    });

    it('an organization connection through the browser, vended to any member, then deleteOrganizationConnectedAccount (R27)', async () => {
      oidc.resetCounts();
      const { url } = await workos.pipes.authorizeDataIntegration({
        slug: 'acme',
        userId: 'admin_w',
        organizationId: 'org_w',
        connectionOwner: 'organization',
        returnTo: RETURN_TO,
      });
      const { providerUrl, final } = await connectThroughBrowserHttp(baseUrl, oidc, url, { account: 'admin-w' });
      expect(new URL(providerUrl).searchParams.get('client_id')).toBe('wk-acme-org-client');
      expect(final.status, final.body).toBe(303);
      expect(oidc.counts.codeGrants).toBe(1);

      const acct = await workos.pipes.getOrganizationConnectedAccount({ organizationId: 'org_w', slug: 'acme' });
      expect(acct).toMatchObject({
        userId: null,
        organizationId: 'org_w',
        state: 'connected',
        authMethod: 'oauth',
        connectionRole: 'compatibility',
      });
      accounts.oauthOrg = acct;
      const token = await workos.pipes.getAccessToken({
        provider: 'acme',
        userId: 'member_w',
        organizationId: 'org_w',
        connectionOwner: 'organization',
      });
      expect(token.active).toBe(true);
      const cred = await workos.pipes.createDataIntegrationCredential({
        slug: 'acme',
        userId: 'admin_w',
        organizationId: 'org_w',
        connectionOwner: 'organization',
      });
      expect(cred.active && cred.credential.authMethod).toBe('oauth');
      expect(cred.active && token.active && cred.credential.value).toBe(token.active && token.accessToken.accessToken);

      oidc.resetCounts();
      await expect(workos.pipes.deleteOrganizationConnectedAccount({ organizationId: 'org_w', slug: 'acme' })).resolves.toBeUndefined();
      expect(oidc.counts.revocationRequests).toBe(1);
      await expect(workos.pipes.getOrganizationConnectedAccount({ organizationId: 'org_w', slug: 'acme' })).rejects.toBeInstanceOf(
        NotFoundException,
      );
      expect(
        await workos.pipes.getAccessToken({
          provider: 'acme',
          userId: 'member_w',
          organizationId: 'org_w',
          connectionOwner: 'organization',
        }),
      ).toEqual({
        active: false,
        error: 'not_installed',
      });
    });

    it('deleting API-key and client-credentials connections calls no revocation endpoint', async () => {
      oidc.resetCounts();
      await workos.pipes.deleteUserConnectedAccount({
        userId: 'user_w1',
        slug: 'acme-cc',
        supportsMultipleConnections: true,
        connectedAccountId: accounts.ccStandard!.id,
      });
      await workos.pipes.deleteUserConnectedAccount({
        userId: 'user_w1',
        slug: 'acme-keys',
        supportsMultipleConnections: true,
        connectedAccountId: accounts.apiKeyStandard!.id,
      });
      expect(oidc.counts.revocationRequests).toBe(0);
      const plain = await workos.pipes.createDataIntegrationCredential({
        slug: 'acme-keys',
        userId: 'user_w1',
        supportsMultipleConnections: true,
      });
      expect(plain.active && plain.credential.authMethod).toBe('api_key');
    });
  });

  describe('events (R28) through workos.events.listEvents', () => {
    it('lists connected and disconnected events with camelCase data', async () => {
      const list = await workos.events.listEvents({
        events: ['pipes.connected_account.connected', 'pipes.connected_account.disconnected'],
        limit: 100,
      });
      expect(Array.isArray(list.data)).toBe(true);
      for (const e of list.data) {
        expect(['pipes.connected_account.connected', 'pipes.connected_account.disconnected']).toContain(e.event);
        expect(e.id).toMatch(/^event_[0-9A-Z]{26}$/);
        expect(e.createdAt).toMatch(DATE_ISO);
        const data = e.data as unknown as Record<string, unknown>;
        expect(Object.keys(data).sort()).toEqual([
          'createdAt',
          'dataIntegrationId',
          'id',
          'object',
          'organizationId',
          'providerSlug',
          'scopes',
          'state',
          'updatedAt',
          'userId',
        ]);
      }
      const find = (event: string, accountId: string) =>
        list.data
          .filter((e) => e.event === event && (e.data as PipesConnectedAccount).id === accountId)
          .map((e) => e.data as PipesConnectedAccount);

      const userConnected = find('pipes.connected_account.connected', accounts.oauthUser!.id);
      expect(userConnected).toEqual([
        {
          object: 'connected_account',
          id: accounts.oauthUser!.id,
          dataIntegrationId: integrationIds.acme,
          providerSlug: 'acme',
          userId: 'user_w1',
          organizationId: null,
          scopes: accounts.oauthUser!.scopes,
          state: 'connected',
          createdAt: expect.stringMatching(DATE_ISO),
          updatedAt: expect.stringMatching(DATE_ISO),
        },
      ]);
      expect(find('pipes.connected_account.disconnected', accounts.oauthUser!.id)).toEqual([
        expect.objectContaining({ id: accounts.oauthUser!.id, providerSlug: 'acme', userId: 'user_w1', state: 'disconnected' }),
      ]);
      expect(find('pipes.connected_account.connected', accounts.oauthOrg!.id)).toEqual([
        expect.objectContaining({
          dataIntegrationId: integrationIds['acme@org'],
          userId: null,
          organizationId: 'org_w',
          state: 'connected',
        }),
      ]);
      expect(find('pipes.connected_account.disconnected', accounts.oauthOrg!.id)).toEqual([
        expect.objectContaining({ userId: null, organizationId: 'org_w', state: 'disconnected' }),
      ]);
      for (const key of ['apiKey', 'apiKeyStandard', 'cc', 'ccStandard'] as const) {
        expect(find('pipes.connected_account.connected', accounts[key]!.id), key).toHaveLength(1);
      }
      expect(find('pipes.connected_account.connected', accounts.cc!.id)[0]).toMatchObject({
        providerSlug: 'acme-cc',
        dataIntegrationId: integrationIds['acme-cc'],
        scopes: ['read'],
      });
      expect(find('pipes.connected_account.disconnected', accounts.ccStandard!.id)).toHaveLength(1);
      expectNoSecrets(list);

      const orgOnly = await workos.events.listEvents({
        events: ['pipes.connected_account.connected'],
        organizationId: 'org_w',
        limit: 100,
      });
      expect(orgOnly.data.map((e) => (e.data as PipesConnectedAccount).id)).toEqual([accounts.oauthOrg!.id]);
    });

    it('lists the failed client-credentials install as connection_failed with camelCase data', async () => {
      const failed = await workos.events.listEvents({ events: ['pipes.connected_account.connection_failed'], limit: 100 });
      const mine = failed.data.map((e) => e.data as PipesConnectionFailed).filter((d) => d.userId === 'user_w2');
      expect(mine).toEqual([
        {
          object: 'connection_failed',
          dataIntegrationId: integrationIds['acme-cc'],
          providerSlug: 'acme-cc',
          userId: 'user_w2',
          organizationId: null,
          errorCode: 'token_exchange_failed',
          errorReason: expect.any(String),
          providerError: expect.any(String),
          providerErrorDescription: expect.toBeOneOf([expect.any(String), null]),
          createdAt: expect.stringMatching(DATE_ISO),
        },
      ]);
      expectNoSecrets(failed);
    });
  });
});
