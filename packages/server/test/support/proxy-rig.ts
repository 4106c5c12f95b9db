import { expect } from 'vitest';
import type { TestDialect } from './dialects.ts';
import { startHarness, type Harness } from './harness.ts';
import { startOidcServer, type OidcServer } from './oidc-server.ts';
import { obtainTokens, type ProviderTokens } from './oidc-tokens.ts';
import { oidcIntegrationBody } from './process-cluster.ts';
import { startStubApi, type StubApi } from './stub-api.ts';

export const SLUG = 'acme';
export const USER = 'user_proxy';
const SCOPE = 'openid offline_access read';

/** A harness whose integration `acme` (custom OAuth at the test oidc-provider) has the stub as its API. */
export interface ProxyRig {
  h: Harness;
  oidc: OidcServer;
  stub: StubApi;
  tokens: ProviderTokens;
  accountId: string;
  call(
    method: string,
    path: string,
    opts?: { headers?: Record<string, string>; payload?: string | Buffer },
  ): Promise<{
    status: number;
    headers: Record<string, unknown>;
    body: string;
    json: () => any;
  }>;
}

/** A harness with a custom OAuth integration (`acme`, real tokens from oidc-provider) whose API is the stub. */
export async function startProxyRig(dialect: TestDialect, clientId: string): Promise<ProxyRig> {
  const oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
  const stub = await startStubApi();
  const h = await startHarness(dialect, { allowInsecureProviderUrls: true });
  const body = oidcIntegrationBody(SLUG, oidc, clientId, SCOPE.split(' '));
  const created = await h.request('POST', '/data-integrations', {
    ...body,
    custom_provider: { ...body.custom_provider, api_base_url: `${stub.origin}/v1/` },
  });
  expect(created.status, created.text).toBe(201);
  expect(created.body.custom_provider.api_base_url).toBe(`${stub.origin}/v1/`);
  oidc.registerClient({ clientId, clientSecret: `${clientId}-secret`, redirectUris: [created.body.redirect_uri] });
  const tokens = await obtainTokens(
    oidc,
    { clientId, clientSecret: `${clientId}-secret`, redirectUri: created.body.redirect_uri, scope: SCOPE },
    USER,
  );
  const imported = await h.request('POST', `/user_management/users/${USER}/connected_accounts/${SLUG}`, {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    expires_at: new Date(Date.now() + 3_000_000).toISOString(),
    scopes: SCOPE.split(' '),
  });
  expect(imported.status, imported.text).toBe(201);
  return {
    h,
    oidc,
    stub,
    tokens,
    accountId: imported.body.id,
    async call(method, path, opts = {}) {
      const res = await h.app.inject({
        method: method as 'GET',
        url: path,
        headers: { authorization: `Bearer ${h.apiKey}`, 'openpipes-user-id': USER, ...opts.headers },
        ...(opts.payload !== undefined ? { payload: opts.payload } : {}),
      });
      return { status: res.statusCode, headers: res.headers, body: res.body, json: () => JSON.parse(res.body) };
    },
  };
}

export async function stopProxyRig(rig: ProxyRig | undefined): Promise<void> {
  await rig?.h.close();
  await rig?.stub.close();
  await rig?.oidc.close();
}
