/**
 * docs/security.md §9 and §22, measured against a REAL authorization server (oidc-provider, refresh-token
 * rotation on): one refresh per expiry, however many callers and processes ask at once, and a
 * crashed lock holder never leaves a connection stuck.
 *
 * - PostgreSQL: two `openpipes serve` child processes on one database (`SELECT … FOR UPDATE`).
 * - SQLite: the in-process service (lease column `refresh_lock_until`).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startOidcServer, type OidcServer } from './support/oidc-server.ts';
import { obtainTokens, type ProviderTokens } from './support/oidc-tokens.ts';
import { randomApiKey, randomKeySpec, spawnOpenPipes, type OpenPipesProcess } from './support/openpipes-process.ts';
import { createTestDatabase } from './support/postgres.ts';
import { oidcIntegrationBody } from './support/process-cluster.ts';

const SLUG = 'acme';
const SCOPE = 'openid offline_access read';
/** user_0 for the single-account burst, user_1..user_20 for the many-accounts burst. */
const USERS = Array.from({ length: 21 }, (_, i) => `user_${i}`);
const MANY = USERS.slice(1);
const PAST = () => new Date(Date.now() - 60_000).toISOString();

interface Answer {
  status: number;
  body: any;
}
/** `i` is the caller's index in the burst; implementations may route by it (process A or B). */
type Vend = (userId: string, i: number) => Promise<Answer>;

const integrationBody = (oidc: OidcServer, clientId: string) => oidcIntegrationBody(SLUG, oidc, clientId, SCOPE.split(' '));

/** Real tokens for every user (login + consent + code grant at the provider), one user at a time. */
async function tokensFor(oidc: OidcServer, clientId: string, redirectUri: string, users: string[]): Promise<Map<string, ProviderTokens>> {
  const out = new Map<string, ProviderTokens>();
  for (const user of users)
    out.set(user, await obtainTokens(oidc, { clientId, clientSecret: `${clientId}-secret`, redirectUri, scope: SCOPE }, user));
  return out;
}

const importBody = (t: ProviderTokens) => ({
  access_token: t.access_token,
  refresh_token: t.refresh_token,
  expires_at: PAST(),
  scopes: t.scope.split(' '),
});

const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const out = await fn();
  console.log(`[exactly-once] ${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
};

/** (i) 100 concurrent vends of one expired account → one refresh grant, one token for everyone. */
async function burstOneAccount(label: string, oidc: OidcServer, vend: Vend, imported: ProviderTokens): Promise<void> {
  oidc.resetCounts();
  const answers = await timed(`${label}: 100 concurrent vends of 1 expired account`, () =>
    Promise.all(Array.from({ length: 100 }, (_, i) => vend('user_0', i))),
  );
  const bad = answers.filter((a) => a.status !== 200 || a.body?.active !== true);
  expect(bad.slice(0, 3), `${bad.length} of 100 answers were not 200 active:true`).toEqual([]);
  const tokens = new Set(answers.map((a) => a.body.access_token.access_token));
  expect(tokens.size).toBe(1);
  expect([...tokens][0]).not.toBe(imported.access_token);
  expect(Date.parse(answers[0]!.body.access_token.expires_at)).toBeGreaterThan(Date.now() + 30 * 60_000);
  expect(oidc.counts.refreshGrants).toBe(1);
  expect(oidc.counts.grantError).toBe(0);
  expect(oidc.counts.tokenRequests).toBe(1);
  expect(oidc.errors).toEqual([]);
}

/** (ii) 20 expired accounts × 10 concurrent vends, all 200 at once → 20 refresh grants, one token per account. */
async function burstManyAccounts(label: string, oidc: OidcServer, vend: Vend, imported: Map<string, ProviderTokens>): Promise<void> {
  oidc.resetCounts();
  const calls = MANY.flatMap((user, u) => Array.from({ length: 10 }, (_, j) => ({ user, i: u + j })));
  const answers = await timed(`${label}: 20 expired accounts x 10 concurrent vends (200 requests)`, () =>
    Promise.all(calls.map(({ user, i }) => vend(user, i).then((a) => ({ user, ...a })))),
  );
  const bad = answers.filter((a) => a.status !== 200 || a.body?.active !== true);
  expect(bad.slice(0, 3), `${bad.length} of 200 answers were not 200 active:true`).toEqual([]);
  const perUser = new Map<string, Set<string>>();
  for (const a of answers) {
    const set = perUser.get(a.user) ?? new Set<string>();
    set.add(a.body.access_token.access_token);
    perUser.set(a.user, set);
  }
  expect(perUser.size).toBe(20);
  for (const [user, set] of perUser) {
    expect(set.size, `${user} got ${set.size} different tokens`).toBe(1);
    expect([...set][0], `${user} got the imported (expired) token`).not.toBe(imported.get(user)!.access_token);
  }
  expect(new Set([...perUser.values()].map((s) => [...s][0])).size).toBe(20);
  expect(oidc.counts.refreshGrants).toBe(20);
  expect(oidc.counts.grantError).toBe(0);
  expect(oidc.counts.tokenRequests).toBe(20);
  expect(oidc.errors).toEqual([]);
}

const hasPostgres = DIALECTS.includes('postgres');
if (!hasPostgres)
  console.log('[exactly-once] PostgreSQL is not available (OPENPIPES_TEST_PG=off): the two-process PostgreSQL suite is SKIPPED.');

describe.skipIf(!hasPostgres)('exactly-once refresh: PostgreSQL, two `openpipes serve` processes on one database', () => {
  let oidc: OidcServer;
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let a: OpenPipesProcess | undefined;
  let b: OpenPipesProcess | undefined;
  let imported: Map<string, ProviderTokens>;
  const clientId = 'exactly-once-pg';

  const vend: Vend = (userId, i) => (i % 2 === 0 ? a! : b!).request('POST', `/data-integrations/${SLUG}/token`, { user_id: userId });

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
    db = await createTestDatabase();
    const apiKey = randomApiKey();
    const env = {
      OPENPIPES_DATABASE_URL: db.url,
      OPENPIPES_ENCRYPTION_KEYS: randomKeySpec('k1'),
      OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'true',
      OPENPIPES_PUBLIC_URL: 'https://pipes.test',
    };
    // Sequential: B starts only once A has migrated and listens.
    a = await spawnOpenPipes({ apiKey, env });
    b = await spawnOpenPipes({ apiKey, env });

    const created = await a.request('POST', '/data-integrations', integrationBody(oidc, clientId));
    expect(created.status, created.text).toBe(201);
    const redirectUri: string = created.body.redirect_uri;
    oidc.registerClient({ clientId, clientSecret: `${clientId}-secret`, redirectUris: [redirectUri] });
    // The integration is visible to B too (same database).
    expect((await b.request('GET', `/data-integrations/${SLUG}`)).status).toBe(200);

    imported = await tokensFor(oidc, clientId, redirectUri, USERS);
    for (const user of USERS) {
      const res = await a.request('POST', `/user_management/users/${user}/connected_accounts/${SLUG}`, importBody(imported.get(user)!));
      expect(res.status, res.text).toBe(201);
      expect(res.body.state).toBe('connected');
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await oidc?.close();
    await db?.drop();
  });

  it('(i) 100 concurrent vends of one expired account, 50 per process → exactly 1 refresh grant, one token', async () => {
    await burstOneAccount('postgres, 2 processes', oidc, vend, imported.get('user_0')!);
  });

  it('(ii) 20 expired accounts x 10 concurrent vends across both processes → exactly 20 refresh grants', async () => {
    await burstManyAccounts('postgres, 2 processes', oidc, vend, imported);
  });

  it('(c) a lock holder that dies (backend terminated mid-transaction) does not leave the connection stuck (§22)', async () => {
    const holder = new pg.Client({ connectionString: db!.url });
    const admin = new pg.Client({ connectionString: db!.url });
    holder.on('error', () => undefined); // the terminated backend surfaces here
    await holder.connect();
    await admin.connect();
    try {
      const { rows } = await admin.query<{ id: string }>('SELECT id FROM connected_accounts WHERE user_id = $1', ['user_0']);
      const accountId = rows[0]!.id;
      await admin.query('UPDATE connected_accounts SET expires_at = $1 WHERE id = $2', [PAST(), accountId]);
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM connected_accounts WHERE id = $1 FOR UPDATE', [accountId]);

      oidc.resetCounts();
      const t0 = performance.now();
      let settled = false;
      const pending = a!.request('POST', `/data-integrations/${SLUG}/token`, { user_id: 'user_0' }).finally(() => (settled = true));

      // Wait (bounded) until OpenPipes' refresh transaction is queued behind our row lock.
      let blocked = false;
      for (let i = 0; i < 100 && !blocked; i++) {
        const waiting = await admin.query(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
           WHERE NOT l.granted AND s.datname = current_database() AND l.pid <> $1`,
          [holderPid],
        );
        blocked = waiting.rows[0].n > 0;
        if (!blocked) await new Promise((r) => setTimeout(r, 50));
      }
      expect(blocked, 'the vend never queued behind the held row lock').toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      expect(oidc.counts.tokenRequests).toBe(0);

      // "Crash" the holder: its backend dies, PostgreSQL rolls back and releases the row lock.
      const killed = await admin.query('SELECT pg_terminate_backend($1) AS ok', [holderPid]);
      expect(killed.rows[0].ok).toBe(true);

      const answer = await pending;
      const ms = performance.now() - t0;
      console.log(`[exactly-once] postgres: vend behind a crashed lock holder answered after ${ms.toFixed(0)} ms`);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.active).toBe(true);
      expect(Date.parse(answer.body.access_token.expires_at)).toBeGreaterThan(Date.now() + 30 * 60_000);
      expect(oidc.counts.refreshGrants).toBe(1);
      expect(oidc.counts.grantError).toBe(0);
      // And the token it got is the one every later vend gets, from either process, without a provider call.
      const again = await Promise.all([vend('user_0', 0), vend('user_0', 1)]);
      for (const r of again) expect(r.body.access_token.access_token).toBe(answer.body.access_token.access_token);
      expect(oidc.counts.tokenRequests).toBe(1);
    } finally {
      await holder.end().catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
  }, 60_000);

  it('both processes stayed healthy (no unhandled errors written to stderr)', () => {
    for (const p of [a!, b!]) expect(p.stderr()).not.toMatch(/unhandled|Error:/);
  });
});

describe('exactly-once refresh: SQLite, one process', () => {
  let oidc: OidcServer;
  let h: Harness;
  let imported: Map<string, ProviderTokens>;
  const clientId = 'exactly-once-sqlite';
  const vend: Vend = (userId) => h.request('POST', `/data-integrations/${SLUG}/token`, { user_id: userId });

  beforeAll(async () => {
    oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
    h = await startHarness('sqlite', { allowInsecureProviderUrls: true });
    const created = await h.request('POST', '/data-integrations', integrationBody(oidc, clientId));
    expect(created.status, created.text).toBe(201);
    oidc.registerClient({ clientId, clientSecret: `${clientId}-secret`, redirectUris: [created.body.redirect_uri] });
    imported = await tokensFor(oidc, clientId, created.body.redirect_uri, USERS);
    for (const user of USERS) {
      const res = await h.request('POST', `/user_management/users/${user}/connected_accounts/${SLUG}`, importBody(imported.get(user)!));
      expect(res.status, res.text).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  it('(i) 100 concurrent vends of one expired account → exactly 1 refresh grant, one token', async () => {
    await burstOneAccount('sqlite', oidc, vend, imported.get('user_0')!);
  });

  it('(ii) 20 expired accounts x 10 concurrent vends → exactly 20 refresh grants', async () => {
    await burstManyAccounts('sqlite', oidc, vend, imported);
  });

  it('(c) a lease left by a crashed holder lapses: the vend waits for it, then refreshes exactly once (§22)', async () => {
    const row = await h.db.selectFrom('connected_accounts').select(['id']).where('user_id', '=', 'user_0').executeTakeFirstOrThrow();
    const leaseMs = 1000;
    await h.db
      .updateTable('connected_accounts')
      .set({ expires_at: PAST(), refresh_lock_until: new Date(Date.now() + leaseMs).toISOString() })
      .where('id', '=', row.id)
      .execute();
    oidc.resetCounts();
    const t0 = performance.now();
    const answer = await vend('user_0', 0);
    const ms = performance.now() - t0;
    console.log(`[exactly-once] sqlite: vend behind a crashed holder's ${leaseMs} ms lease answered after ${ms.toFixed(0)} ms`);
    expect(answer.status).toBe(200);
    expect(answer.body.active).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(leaseMs - 100);
    expect(ms).toBeLessThan(10_000);
    expect(Date.parse(answer.body.access_token.expires_at)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(oidc.counts.refreshGrants).toBe(1);
    expect(oidc.counts.grantError).toBe(0);
    const after = await h.db
      .selectFrom('connected_accounts')
      .select(['refresh_lock_until', 'state'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ refresh_lock_until: null, state: 'connected' });
  });
});
