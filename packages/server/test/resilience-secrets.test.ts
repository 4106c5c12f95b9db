/**
 * Issue 10 item 9 (docs/reliability.md, "Secrets after a workload"): unique, recognisable secrets
 * (client secrets, the API key, the encryption key, imported and provider-issued tokens, an API-key
 * connection's key, a wrong API key) go through a representative workload on real `openpipes serve`
 * processes at log level info: flows, vends, refreshes, failures, list endpoints. Then the processes'
 * logs, every answer but the vends' (which carry the access token by design), the SQLite file with
 * its WAL, and a pg_dump of the PostgreSQL database are searched: 0 hits, in any encoding.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectThroughBrowserHttp } from './support/connect-flow-http.ts';
import { DIALECTS } from './support/dialects.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { obtainTokens } from './support/oidc-tokens.ts';
import { randomApiKey, randomKeySpec, spawnOpenPipes, type OpenPipesProcess } from './support/openpipes-process.ts';
import { pgDump } from './support/postgres.ts';
import { oidcIntegrationBody, startCluster, type Cluster } from './support/process-cluster.ts';
import { report } from './support/resilience-scale.ts';
import { startScriptedTokenServer, type ScriptedTokenServer } from './support/scripted-token-server.ts';
import { findLeaks, randomId, randomSecret } from './support/secret-search.ts';

const SCOPE = 'openid offline_access read';
const PAST = () => new Date(Date.now() - 60_000).toISOString();

interface Recorded {
  what: string;
  text: string;
  headers: string;
}

/** What a workload leaves to search, besides the store. */
interface Workload {
  secrets: Record<string, string>;
  /** Answers of every request but the vends. */
  responses: Recorded[];
  vends: number;
  requests: number;
  /** Non-secret values that must be found where the secrets must not (the search works). */
  controls: Record<string, string>;
}

/** Flows, vends, refreshes (ok, invalid_grant, provider down), lists and errors, spread over `procs`. */
async function runWorkload(procs: OpenPipesProcess[], apiKey: string, oidc: OidcServer, tokens: ScriptedTokenServer): Promise<Workload> {
  const secrets: Record<string, string> = {};
  const controls: Record<string, string> = {};
  const responses: Recorded[] = [];
  let vends = 0;
  let requests = 0;
  let n = 0;
  const next = () => procs[n++ % procs.length]!;
  const call = async (what: string, method: string, path: string, body?: unknown, expected?: number) => {
    const res = await next().request(method, path, body);
    requests++;
    if (expected !== undefined) expect(res.status, `${what}: ${res.text}`).toBe(expected);
    responses.push({ what, text: res.text, headers: JSON.stringify([...res.headers]) });
    return res;
  };
  const vend = async (slug: string, userId: string) => {
    const res = await next().request('POST', `/data-integrations/${slug}/token`, { user_id: userId });
    requests++;
    vends++;
    if (res.body?.active) secrets[`vended ${slug}/${userId} ${vends}`] = res.body.access_token.access_token;
    return res;
  };

  // An OAuth integration at the real authorization server, its secret unique to this run.
  const clientId = randomId('cid');
  controls.clientId = clientId;
  secrets.oauthClientSecret = randomSecret();
  const body = oidcIntegrationBody('acme', oidc, clientId, SCOPE.split(' '));
  const created = await call('R5 acme', 'POST', '/data-integrations', {
    ...body,
    credentials: { ...body.credentials, client_secret: secrets.oauthClientSecret },
  });
  expect(created.status, created.text).toBe(201);
  oidc.registerClient({ clientId, clientSecret: secrets.oauthClientSecret, redirectUris: [created.body.redirect_uri] });

  // Imported provider tokens, expired: the vends refresh them at the provider (concurrently).
  const direct = { clientId, clientSecret: secrets.oauthClientSecret, redirectUri: created.body.redirect_uri, scope: SCOPE };
  const t = await obtainTokens(oidc, direct, 'imp_user');
  secrets.importedAccessToken = t.access_token;
  secrets.importedRefreshToken = t.refresh_token;
  await call(
    'R20 import',
    'POST',
    '/user_management/users/imp_user/connected_accounts/acme',
    {
      access_token: t.access_token,
      refresh_token: t.refresh_token,
      expires_at: PAST(),
      scopes: t.scope.split(' '),
    },
    201,
  );
  for (const a of await Promise.all(Array.from({ length: 6 }, () => vend('acme', 'imp_user')))) expect(a.body.active).toBe(true);

  // A browser flow (code exchange) through one process, vended through every process.
  const link = await call('R12 authorize', 'POST', '/data-integrations/acme/authorize', { user_id: 'flow_user' }, 200);
  const { final } = await connectThroughBrowserHttp(next().url, oidc, link.body.url, { account: 'flow_user' });
  expect(final.status, final.body).toBe(200);
  for (let i = 0; i < 3; i++) expect((await vend('acme', 'flow_user')).body.active).toBe(true);

  // A scripted provider that issues recognisable tokens, refuses one grant and is down for another.
  secrets.scriptedClientSecret = randomSecret();
  await call(
    'R5 markco',
    'POST',
    '/data-integrations',
    {
      provider: 'markco',
      enabled: true,
      scopes: ['read'],
      credentials: { type: 'custom', client_id: randomId('mk'), client_secret: secrets.scriptedClientSecret },
      custom_provider: { name: 'Markco', authorization_url: `${tokens.url}/authorize`, token_url: tokens.tokenUrl },
    },
    201,
  );
  const plan = new Map<string, 'invalid_grant' | 'down'>();
  tokens.respond((req) => {
    const what = plan.get(req.form.get('refresh_token') ?? '');
    if (what === 'invalid_grant') return { status: 400, body: { error: 'invalid_grant' } };
    if (what === 'down') return { status: 503, body: { error: 'temporarily_unavailable' } };
    const access = randomSecret();
    const refresh = randomSecret();
    secrets[`issued access ${access.slice(0, 6)}`] = access;
    secrets[`issued refresh ${refresh.slice(0, 6)}`] = refresh;
    return { status: 200, body: { access_token: access, refresh_token: refresh, token_type: 'bearer', expires_in: 3600 } };
  });
  for (const [user, behaviour] of [
    ['mk_ok', null],
    ['mk_revoked', 'invalid_grant'],
    ['mk_down', 'down'],
  ] as const) {
    secrets[`${user} access`] = randomSecret();
    secrets[`${user} refresh`] = randomSecret();
    if (behaviour) plan.set(secrets[`${user} refresh`]!, behaviour);
    await call(
      `R20 import ${user}`,
      'POST',
      `/user_management/users/${user}/connected_accounts/markco`,
      {
        access_token: secrets[`${user} access`],
        refresh_token: secrets[`${user} refresh`],
        expires_at: PAST(),
        scopes: ['read'],
      },
      201,
    );
  }
  expect((await vend('markco', 'mk_ok')).body.active).toBe(true);
  expect((await vend('markco', 'mk_revoked')).body).toEqual({ active: false, error: 'needs_reauthorization' });
  expect((await vend('markco', 'mk_down')).status).toBe(503);
  expect((await vend('markco', 'nobody')).body).toEqual({ active: false, error: 'not_installed' });

  // An API-key connection, an organization's OAuth app.
  await call(
    'R5 keyco',
    'POST',
    '/data-integrations',
    { provider: 'keyco', auth_methods: ['api_key'], custom_provider: { name: 'Keyco' } },
    201,
  );
  secrets.connectionApiKey = randomSecret();
  await call('R16 api key', 'PUT', '/data-integrations/keyco/api-key', { user_id: 'key_user', secret: secrets.connectionApiKey }, 200);
  await call('R5 gitlab', 'POST', '/data-integrations', { provider: 'gitlab', enabled: true, credentials: { type: 'organization' } }, 201);
  secrets.orgClientSecret = randomSecret();
  controls.orgClientId = randomId('org_cid');
  await call(
    'R3 org credentials',
    'PUT',
    '/organizations/org_1/data_integration_configurations/gitlab',
    {
      client_id: controls.orgClientId,
      client_secret: secrets.orgClientSecret,
    },
    200,
  );

  // Lists and reads, and errors: validation, unknown names, a wrong API key.
  await call('R4 list', 'GET', '/data-integrations?limit=100', undefined, 200);
  await call('R6 acme', 'GET', '/data-integrations/acme', undefined, 200);
  await call('R6 markco', 'GET', '/data-integrations/markco', undefined, 200);
  await call('R19 imp_user', 'GET', '/user_management/users/imp_user/connected_accounts/acme', undefined, 200);
  await call('R19 mk_revoked', 'GET', '/user_management/users/mk_revoked/connected_accounts/markco', undefined, 200);
  await call('R1 flow_user', 'GET', '/user_management/users/flow_user/data_providers', undefined, 200);
  await call('R2 org_1', 'GET', '/organizations/org_1/data_integration_configurations', undefined, 200);
  await call(
    'R5 invalid',
    'POST',
    '/data-integrations',
    { provider: 'github', credentials: { type: 'custom', client_secret: secrets.oauthClientSecret } },
    422,
  );
  await call('R6 unknown', 'GET', '/data-integrations/nope', undefined, 404);
  secrets.wrongApiKey = randomApiKey();
  const wrong = await fetch(`${next().url}/data-integrations`, { headers: { authorization: `Bearer ${secrets.wrongApiKey}` } });
  requests++;
  expect(wrong.status).toBe(401);
  responses.push({ what: 'wrong API key', text: await wrong.text(), headers: JSON.stringify([...wrong.headers]) });
  secrets.apiKey = apiKey;
  return { secrets, responses, vends, requests, controls };
}

/** Asserts 0 hits everywhere, with positive controls, and prints the counts. */
function expectNoLeaks(label: string, w: Workload, procs: OpenPipesProcess[], store: { name: string; bytes: Buffer }[]) {
  const logs = procs.map((p, i) => ({ name: `process ${i} log`, bytes: Buffer.from(p.stdout() + p.stderr()) }));
  const answers = w.responses.map((r) => ({ name: `answer to ${r.what}`, bytes: Buffer.from(r.text + r.headers) }));
  const haystacks = [...logs, ...answers, ...store];
  const leaks = findLeaks(haystacks, w.secrets);
  const bytes = haystacks.reduce((a, h) => a + h.bytes.length, 0);
  report(
    `${label}: ${Object.keys(w.secrets).length} secrets, ${w.requests} requests (${w.vends} vends), searched ${logs.length} logs, ${answers.length} answers, ${store.map((s) => s.name).join(' + ')} (${(bytes / 1024).toFixed(0)} KiB) → ${leaks.length} hits`,
  );
  expect(leaks).toEqual([]);
  // The search can find what is there: the logs name the routes, the store holds the client ids.
  const all = Buffer.concat(store.map((s) => s.bytes));
  for (const [name, value] of Object.entries(w.controls)) expect(all.includes(Buffer.from(value)), `${name} in the store`).toBe(true);
  for (const l of logs) expect(l.bytes.toString()).toContain('/data-integrations');
  const planted = Buffer.from(`x${Buffer.from(w.secrets.apiKey!).toString('base64')}x`);
  expect(findLeaks([{ name: 'planted', bytes: planted }], w.secrets)).toContain('apiKey as base64 in planted');
}

const INFO = { OPENPIPES_LOG_LEVEL: 'info', OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '0', OPENPIPES_RATE_LIMIT_BROWSER_PER_MINUTE: '0' };

describe('resilience: no secret in logs, answers or the store after a workload', () => {
  let oidc: OidcServer;
  let tokens: ScriptedTokenServer;

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
    tokens = await startScriptedTokenServer();
  });
  afterAll(async () => {
    await tokens?.close();
    await oidc?.close();
  });

  it('SQLite: one process; the database file, its WAL and the file after shutdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openpipes-secrets-'));
    const path = join(dir, 'openpipes.db');
    const apiKey = randomApiKey();
    const keySpec = randomKeySpec('k1');
    const proc = await spawnOpenPipes({
      apiKey,
      env: {
        ...INFO,
        OPENPIPES_DATABASE_URL: path,
        OPENPIPES_ENCRYPTION_KEYS: keySpec,
        OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'true',
        OPENPIPES_PUBLIC_URL: 'https://pipes.test',
      },
    });
    try {
      const w = await runWorkload([proc], apiKey, oidc, tokens);
      w.secrets.encryptionKey = keySpec.slice(keySpec.indexOf(':') + 1);
      const store: { name: string; bytes: Buffer }[] = [];
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(path + suffix)) store.push({ name: `open db${suffix}`, bytes: readFileSync(path + suffix) });
      await proc.stop();
      store.push({ name: 'db after shutdown', bytes: readFileSync(path) });
      if (existsSync(`${path}-wal`)) store.push({ name: 'wal after shutdown', bytes: readFileSync(`${path}-wal`) });
      expectNoLeaks('sqlite', w, [proc], store);
    } finally {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  describe.skipIf(!DIALECTS.includes('postgres'))('PostgreSQL', () => {
    let cluster: Cluster;
    afterAll(() => cluster?.close());

    it('PostgreSQL: two processes; a pg_dump of the database', async () => {
      const keySpec = randomKeySpec('k1');
      cluster = await startCluster(2, { env: { ...INFO, OPENPIPES_ENCRYPTION_KEYS: keySpec } });
      const w = await runWorkload(cluster.processes, cluster.apiKey, oidc, tokens);
      w.secrets.encryptionKey = keySpec.slice(keySpec.indexOf(':') + 1);
      expectNoLeaks('postgres', w, cluster.processes, [{ name: 'pg_dump', bytes: await pgDump(cluster.dbUrl) }]);
    }, 180_000);
  });
});
