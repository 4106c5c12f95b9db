/**
 * End to end with our own SDK (`@openpipes/node`) against a really listening OpenPipes server, a
 * REAL authorization server (oidc-provider) and a misbehaving token endpoint (fault-token-server):
 * authorizeDataIntegration → browser → getAccessToken, credential vending for the three auth
 * methods narrowed on their discriminants (§3.5), inactive answers, and 503 provider_unavailable
 * surfacing as ServiceUnavailableError with retryAfter (and driving the SDK's retries).
 *
 * These checks live in the server package on purpose: the SDK package does not depend on the server.
 */
import {
  ConflictError,
  NotFoundError,
  OpenPipes,
  ServiceUnavailableError,
  UnprocessableEntityError,
  type AccessToken,
  type ApiKeyVendedCredential,
  type ClientCredentialsVendedCredential,
  type DataIntegrationAccessTokenResponse,
  type DataIntegrationCredentialsResponse,
  type OAuthVendedCredential,
} from '@openpipes/node';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectThroughBrowser } from './support/connect-flow.ts';
import { DIALECTS } from './support/dialects.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';
import { startFaultTokenServer, type FaultTokenServer } from './support/fault-token-server.ts';
import { listenHarness, REQUEST_ID_PATTERN } from './support/listen.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';

const RETURN_TO = 'https://app.example.com/connected';
const DATE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const last4 = (s: string) => s.slice(-4);

/** A loopback port nothing listens on any more. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const caught = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the SDK call to throw');
};

/** Narrowing helpers: fail the test (not the type checker) when the discriminant is wrong. */
function activeToken(res: DataIntegrationAccessTokenResponse): AccessToken {
  if (!res.active) throw new Error(`expected an active token, got ${JSON.stringify(res)}`);
  return res.accessToken;
}
function oauthCredential(res: DataIntegrationCredentialsResponse): OAuthVendedCredential {
  if (!res.active) throw new Error(`expected an active credential, got ${JSON.stringify(res)}`);
  if (res.credential.authMethod !== 'oauth') throw new Error(`expected oauth, got ${res.credential.authMethod}`);
  return res.credential;
}
function apiKeyCredential(res: DataIntegrationCredentialsResponse): ApiKeyVendedCredential {
  if (!res.active) throw new Error(`expected an active credential, got ${JSON.stringify(res)}`);
  if (res.credential.authMethod !== 'api_key') throw new Error(`expected api_key, got ${res.credential.authMethod}`);
  return res.credential;
}
function clientCredentialsCredential(res: DataIntegrationCredentialsResponse): ClientCredentialsVendedCredential {
  if (!res.active) throw new Error(`expected an active credential, got ${JSON.stringify(res)}`);
  if (res.credential.authMethod !== 'client_credentials') throw new Error(`expected client_credentials, got ${res.credential.authMethod}`);
  return res.credential;
}

describe.each(DIALECTS)('@openpipes/node end-to-end flows against OpenPipes on %s', (dialect) => {
  let h: Harness;
  let oidc: OidcServer;
  let fault: FaultTokenServer;
  let op: OpenPipes;
  let baseUrl: string;
  const secretsSent: string[] = [];
  const expectNoSecrets = (value: unknown) => {
    const json = JSON.stringify(value);
    for (const s of secretsSent) expect(json).not.toContain(s);
  };
  const CC = { clientId: 'op-cc-client', clientSecret: 'op-cc-secret-value-4G4G' };

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 600 });
    fault = await startFaultTokenServer('ok');
    h = await startHarness(dialect, { allowInsecureProviderUrls: true });
    ({ baseUrl } = await listenHarness(h));
    op = new OpenPipes(h.apiKey, { baseUrl, maxRetries: 0 });

    const acmeSecret = 'op-acme-client-secret-2H2H';
    secretsSent.push(acmeSecret, CC.clientSecret);
    const acme = await h.request('POST', '/data-integrations', {
      provider: 'acme',
      enabled: true,
      scopes: ['openid', 'offline_access', 'read'],
      credentials: { type: 'custom', client_id: 'op-acme-client', client_secret: acmeSecret },
      custom_provider: {
        name: 'Acme Identity',
        authorization_url: oidc.authorizationUrl,
        token_url: oidc.tokenUrl,
        revocation_url: oidc.revocationUrl,
        issuer: oidc.issuer,
      },
    });
    expect(acme.status, acme.text).toBe(201);
    oidc.registerClient({ clientId: 'op-acme-client', clientSecret: acmeSecret, redirectUris: [acme.body.redirect_uri] });
    oidc.registerClient({ ...CC, grantTypes: ['client_credentials'], tokenEndpointAuthMethod: 'client_secret_post' });

    const keys = await op.pipes.createDataIntegration({
      provider: 'acme-keys',
      enabled: true,
      authMethods: ['api_key'],
      customProvider: { name: 'Acme Keys' },
    });
    expect(keys).toMatchObject({ slug: 'acme-keys', authMethods: ['api_key'] });
    const cc = await op.pipes.createDataIntegration({
      provider: 'acme-cc',
      enabled: true,
      scopes: ['read'],
      authMethods: ['client_credentials'],
      customProvider: { name: 'Acme CC', tokenUrl: oidc.tokenUrl },
    });
    expect(cc).toMatchObject({ slug: 'acme-cc', authMethods: ['client_credentials'], scopes: ['read'] });

    // OAuth providers whose token endpoint misbehaves (fault server) or is gone (closed port).
    const gone = await closedPortUrl();
    for (const [slug, tokenUrl] of [
      ['flaky', fault.tokenUrl],
      ['gone', `${gone}/token`],
    ] as const) {
      const secret = `op-${slug}-client-secret-9J9J`;
      secretsSent.push(secret);
      await op.pipes.createDataIntegration({
        provider: slug,
        enabled: true,
        credentials: { type: 'custom', clientId: `${slug}-client`, clientSecret: secret },
        customProvider: { name: slug, authorizationUrl: `${new URL(tokenUrl).origin}/authorize`, tokenUrl },
      });
    }
    // A client-credentials provider behind the fault server.
    await op.pipes.createDataIntegration({
      provider: 'flaky-cc',
      enabled: true,
      authMethods: ['client_credentials'],
      customProvider: { name: 'Flaky CC', tokenUrl: fault.tokenUrl },
    });
  });
  afterAll(async () => {
    await h?.close();
    await oidc?.close();
    await fault?.close();
  });

  describe('OAuth through the browser', () => {
    let accessToken: string;

    it('authorizeDataIntegration → browser → getAccessToken (narrowed by active)', async () => {
      oidc.resetCounts();
      const { url } = await op.pipes.authorizeDataIntegration({ slug: 'acme', userId: 'user_o1', returnTo: RETURN_TO });
      expect(url.startsWith(`${PUBLIC_URL}/data-integrations/`)).toBe(true);
      const { final } = await connectThroughBrowser(h, oidc, url, { account: 'olivia' });
      expect(final.status, final.body).toBe(303);
      expect(final.location).toBe(RETURN_TO);
      expect(oidc.counts.codeGrants).toBe(1);

      const res = await op.pipes.getAccessToken({ provider: 'acme', userId: 'user_o1' });
      // @ts-expect-error -- `accessToken` only exists once `active` has narrowed the union
      void res.accessToken;
      if (!res.active) throw new Error(`expected an active token, got ${res.error}`);
      const token: AccessToken = res.accessToken;
      expect(token.object).toBe('access_token');
      expect(token.expiresAt).toMatch(DATE_ISO); // our SDK keeps ISO strings
      expect(Date.parse(token.expiresAt!)).toBeGreaterThan(Date.now() + 60_000);
      expect(token.scopes).toEqual(expect.arrayContaining(['openid', 'read']));
      expect(token.missingScopes).toEqual([]);
      accessToken = token.accessToken;
      const me = await fetch(oidc.userinfoUrl, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(((await me.json()) as { sub: string }).sub).toBe('olivia');
    });

    it('createDataIntegrationCredential: authMethod oauth narrows to the OAuth credential', async () => {
      const res = await op.pipes.createDataIntegrationCredential({ slug: 'acme', userId: 'user_o1' });
      if (!res.active) throw new Error('expected active');
      const c = res.credential;
      if (c.authMethod === 'oauth') {
        const oauth: OAuthVendedCredential = c;
        expect(oauth).toEqual({
          object: 'credential',
          authMethod: 'oauth',
          value: accessToken,
          config: {},
          expiresAt: expect.stringMatching(DATE_ISO),
          scopes: expect.arrayContaining(['read']),
          missingScopes: [],
        });
      } else {
        throw new Error(`expected oauth, got ${c.authMethod}`);
      }
    });

    it('inactive answers: not_installed, and needs_reauthorization after the account is flagged', async () => {
      expect(await op.pipes.getAccessToken({ provider: 'acme', userId: 'user_nobody' })).toEqual({ active: false, error: 'not_installed' });
      const inactive = await op.pipes.createDataIntegrationCredential({ slug: 'acme', userId: 'user_nobody' });
      expect(inactive).toEqual({ active: false, error: 'not_installed' });
      if (!inactive.active) expect(inactive.error).toBe('not_installed');

      const flagged = await op.pipes.updateUserConnectedAccount({ userId: 'user_o1', slug: 'acme', state: 'needs_reauthorization' });
      expect(flagged.state).toBe('needs_reauthorization');
      expect(await op.pipes.getAccessToken({ provider: 'acme', userId: 'user_o1' })).toEqual({
        active: false,
        error: 'needs_reauthorization',
      });
      expect(await op.pipes.createDataIntegrationCredential({ slug: 'acme', userId: 'user_o1' })).toEqual({
        active: false,
        error: 'needs_reauthorization',
      });
    });

    it('errors: NotFoundError with code and request id for an unknown provider', async () => {
      const err = await caught(op.pipes.getAccessToken({ provider: 'no-such-provider', userId: 'user_o1' }));
      expect(err).toBeInstanceOf(NotFoundError);
      expect((err as NotFoundError).code).toBe('entity_not_found');
      expect((err as NotFoundError).requestId).toMatch(REQUEST_ID_PATTERN);
    });
  });

  describe('API keys', () => {
    const FIRST = 'op_api_key_first_value_6K6K';
    const ROTATED = 'op_api_key_rotated_value_7L7L';
    const SECOND = 'op_api_key_second_value_8M8M';
    beforeAll(() => {
      secretsSent.push(FIRST, ROTATED, SECOND);
    });

    it('updateDataIntegrationApiKey creates, createDataIntegrationCredential narrows to api_key', async () => {
      const acct = await op.pipes.updateDataIntegrationApiKey({ slug: 'acme-keys', userId: 'user_o1', secret: FIRST });
      expect(acct).toMatchObject({ authMethod: 'api_key', apiKeyLast4: last4(FIRST), connectionRole: 'compatibility', state: 'connected' });
      expectNoSecrets(acct);
      const c = apiKeyCredential(await op.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_o1' }));
      expect(c).toEqual({ object: 'credential', authMethod: 'api_key', value: FIRST, config: {} });
      // @ts-expect-error -- an API-key credential has no expiry
      void c.expiresAt;
      expect('expiresAt' in c).toBe(false);
    });

    it('rotation, a second key, and the plural contract', async () => {
      const rotated = await op.pipes.updateDataIntegrationApiKey({ slug: 'acme-keys', userId: 'user_o1', secret: ROTATED });
      expect(rotated.apiKeyLast4).toBe(last4(ROTATED));
      expect(apiKeyCredential(await op.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_o1' })).value).toBe(
        ROTATED,
      );

      const std = await op.pipes.createDataIntegrationApiKey({
        slug: 'acme-keys',
        userId: 'user_o1',
        secret: SECOND,
        connectionIntent: 'add',
      });
      expect(std).toMatchObject({ connectionRole: 'standard', apiKeyLast4: last4(SECOND) });
      expectNoSecrets(std);
      expect(
        apiKeyCredential(
          await op.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_o1', connectedAccountId: std.id }),
        ).value,
      ).toBe(SECOND);
      const ambiguous = await caught(
        op.pipes.createDataIntegrationCredential({ slug: 'acme-keys', userId: 'user_o1', supportsMultipleConnections: true }),
      );
      expect(ambiguous).toBeInstanceOf(ConflictError);
      expect((ambiguous as ConflictError).code).toBe('account_selection_required');

      const legacy = await caught(op.pipes.getAccessToken({ provider: 'acme-keys', userId: 'user_o1' }));
      expect(legacy).toBeInstanceOf(UnprocessableEntityError);
      expect((legacy as UnprocessableEntityError).code).toBe('unsupported_auth_method');
    });
  });

  describe('client credentials', () => {
    it('updateDataIntegrationClientCredentials, then a client_credentials credential with metadata', async () => {
      oidc.resetCounts();
      const acct = await op.pipes.updateDataIntegrationClientCredentials({
        slug: 'acme-cc',
        userId: 'user_o1',
        clientId: CC.clientId,
        clientSecret: CC.clientSecret,
      });
      expect(acct).toMatchObject({
        authMethod: 'client_credentials',
        clientId: CC.clientId,
        clientSecretLast4: last4(CC.clientSecret),
        scopes: ['read'],
        state: 'connected',
      });
      expectNoSecrets(acct);
      expect(oidc.counts.clientCredentialsGrants).toBe(1);

      const c = clientCredentialsCredential(await op.pipes.createDataIntegrationCredential({ slug: 'acme-cc', userId: 'user_o1' }));
      expect(c).toMatchObject({ object: 'credential', authMethod: 'client_credentials', scopes: ['read'], missingScopes: [], config: {} });
      expect(c.expiresAt).toMatch(DATE_ISO);
      expect(typeof c.metadata).toBe('object');
      expect(c.metadata).not.toHaveProperty('access_token');
      expect(activeToken(await op.pipes.getAccessToken({ provider: 'acme-cc', userId: 'user_o1' })).accessToken).toBe(c.value);
      expect(oidc.counts.tokenRequests).toBe(1);

      const std = await op.pipes.createDataIntegrationClientCredential({
        slug: 'acme-cc',
        userId: 'user_o1',
        clientId: CC.clientId,
        clientSecret: CC.clientSecret,
        connectionIntent: 'add',
      });
      expect(std).toMatchObject({ connectionRole: 'standard', authMethod: 'client_credentials' });
      const other = clientCredentialsCredential(
        await op.pipes.createDataIntegrationCredential({ slug: 'acme-cc', userId: 'user_o1', connectedAccountId: std.id }),
      );
      expect(other.value).not.toBe(c.value);
      expect(oidc.counts.clientCredentialsGrants).toBe(2);
    });

    it('a rejected client secret surfaces as UnprocessableEntityError client_credentials_rejected', async () => {
      const wrong = 'op-cc-secret-wrong-0N0N';
      secretsSent.push(wrong);
      const err = await caught(
        op.pipes.updateDataIntegrationClientCredentials({ slug: 'acme-cc', userId: 'user_o2', clientId: CC.clientId, clientSecret: wrong }),
      );
      expect(err).toBeInstanceOf(UnprocessableEntityError);
      expect((err as UnprocessableEntityError).code).toBe('client_credentials_rejected');
      expectNoSecrets((err as UnprocessableEntityError).body);
      expect(await op.pipes.createDataIntegrationCredential({ slug: 'acme-cc', userId: 'user_o2' })).toEqual({
        active: false,
        error: 'not_installed',
      });
    });
  });

  describe('503 provider_unavailable → ServiceUnavailableError with retryAfter', () => {
    const importExpired = async (slug: string, userId: string) => {
      const acct = await op.pipes.createUserConnectedAccount({
        userId,
        slug,
        accessToken: `imported-at-${slug}-${userId}`,
        refreshToken: `imported-rt-${slug}-${userId}`,
        expiresAt: new Date(Date.now() - 60_000),
        scopes: ['read'],
      });
      expect(acct.state).toBe('connected');
      secretsSent.push(`imported-at-${slug}-${userId}`, `imported-rt-${slug}-${userId}`);
      return acct;
    };
    const expect503 = (err: unknown, retryAfter: number) => {
      expect(err).toBeInstanceOf(ServiceUnavailableError);
      const e = err as ServiceUnavailableError;
      expect(e.status).toBe(503);
      expect(e.code).toBe('provider_unavailable');
      expect(e.retryAfter).toBe(retryAfter);
      expect(e.requestId).toMatch(REQUEST_ID_PATTERN);
      expect((e.body as { code?: string }).code).toBe('provider_unavailable');
      expectNoSecrets(e.body);
    };

    it('an expired imported token whose refresh hits a 500: getAccessToken and createDataIntegrationCredential throw, the account stays connected', async () => {
      await importExpired('flaky', 'user_f1');
      fault.setMode('server_error');
      const before = fault.count('/token');
      expect503(await caught(op.pipes.getAccessToken({ provider: 'flaky', userId: 'user_f1' })), 5);
      expect503(await caught(op.pipes.createDataIntegrationCredential({ slug: 'flaky', userId: 'user_f1' })), 5);
      expect(fault.count('/token')).toBe(before + 2);
      expect((await op.pipes.getUserConnectedAccount({ userId: 'user_f1', slug: 'flaky' })).state).toBe('connected');
    });

    it('a provider Retry-After (429) is passed on', async () => {
      fault.setMode('rate_limited');
      expect503(await caught(op.pipes.getAccessToken({ provider: 'flaky', userId: 'user_f1' })), 5);
    });

    it('the SDK retries 503s after Retry-After, and each retry reaches the provider again (vending is not idempotency-stored)', async () => {
      fault.setMode('server_error');
      const sleeps: number[] = [];
      const retrying = new OpenPipes(h.apiKey, { baseUrl, maxRetries: 2, sleep: async (ms) => void sleeps.push(ms) });
      const before = fault.count('/token');
      expect503(await caught(retrying.pipes.getAccessToken({ provider: 'flaky', userId: 'user_f1' })), 5);
      expect(sleeps).toEqual([5000, 5000]);
      expect(fault.count('/token')).toBe(before + 3);

      // Once the provider recovers, the same call succeeds with the refreshed token.
      fault.setMode('ok');
      const token = activeToken(await retrying.pipes.getAccessToken({ provider: 'flaky', userId: 'user_f1' }));
      expect(token.accessToken).toMatch(/^fault-at-\d+$/);
      expect(Date.parse(token.expiresAt!)).toBeGreaterThan(Date.now() + 3_000_000);
      expect(oauthCredential(await op.pipes.createDataIntegrationCredential({ slug: 'flaky', userId: 'user_f1' })).value).toBe(
        token.accessToken,
      );
    });

    it('a token endpoint on a closed port: 503 with the default retryAfter', async () => {
      await importExpired('gone', 'user_g1');
      expect503(await caught(op.pipes.getAccessToken({ provider: 'gone', userId: 'user_g1' })), 5);
      expect503(await caught(op.pipes.createDataIntegrationCredential({ slug: 'gone', userId: 'user_g1' })), 5);
    });

    it('a client-credentials install while the provider fails: 503, and an SDK retry of the POST runs it again', async () => {
      fault.setMode('server_error');
      const secret = 'op-flaky-cc-secret-3P3P';
      secretsSent.push(secret);
      const before = fault.count('/token');
      expect503(
        await caught(
          op.pipes.createDataIntegrationClientCredential({
            slug: 'flaky-cc',
            userId: 'user_f2',
            clientId: 'flaky-cc-client',
            clientSecret: secret,
            connectionIntent: 'add',
          }),
        ),
        5,
      );
      expect(fault.count('/token')).toBe(before + 1);

      const sleeps: number[] = [];
      const retrying = new OpenPipes(h.apiKey, { baseUrl, maxRetries: 1, sleep: async (ms) => void sleeps.push(ms) });
      expect503(
        await caught(
          retrying.pipes.createDataIntegrationClientCredential({
            slug: 'flaky-cc',
            userId: 'user_f2',
            clientId: 'flaky-cc-client',
            clientSecret: secret,
            connectionIntent: 'add',
          }),
        ),
        5,
      );
      expect(sleeps).toEqual([5000]);
      expect(fault.count('/token')).toBe(before + 3);
      expect(await op.pipes.createDataIntegrationCredential({ slug: 'flaky-cc', userId: 'user_f2' })).toEqual({
        active: false,
        error: 'not_installed',
      });

      fault.setMode('ok');
      const acct = await op.pipes.createDataIntegrationClientCredential({
        slug: 'flaky-cc',
        userId: 'user_f2',
        clientId: 'flaky-cc-client',
        clientSecret: secret,
        connectionIntent: 'add',
      });
      expect(acct).toMatchObject({ authMethod: 'client_credentials', connectionRole: 'compatibility', state: 'connected' });
      expectNoSecrets(acct);
      const c = clientCredentialsCredential(await op.pipes.createDataIntegrationCredential({ slug: 'flaky-cc', userId: 'user_f2' }));
      expect(c.value).toMatch(/^fault-at-\d+$/);
      // The fault server's refresh_token is a token-set field, never metadata.
      expect(c.metadata).toEqual({});
    });
  });
});
