import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretContext } from '../src/crypto/keyring.ts';
import { SEALED_COLUMNS } from '../src/store/key-usage.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness, type TestResponse } from './support/harness.ts';
import { pgDump } from './support/postgres.ts';
import { findLeaks, leakedForms, randomId, randomSecret } from './support/secret-search.ts';

/**
 * docs/security.md §13/§16: secrets written through the API exist on disk only sealed. For SQLite the
 * database file (and its WAL) is searched byte by byte; for PostgreSQL a pg_dump of the database.
 */

describe.each(DIALECTS)('secrets at rest on %s (docs/security.md §13, §16)', (dialect) => {
  let h: Harness;
  let closed = false;
  const responses: { what: string; res: TestResponse }[] = [];
  /** Secret name → value. Every one was sent in a request body. */
  const secrets: Record<string, string> = {};
  /** Non-secret values sent in the same requests: they must be found, or the search is broken. */
  const controls: Record<string, string> = {};
  /** Sealed column values, as read through the store: table.column → values. */
  const sealed: Record<string, string[]> = {};
  /** The same values opened with the harness keyring and the row's context. */
  const opened: Record<string, string[]> = {};
  /** The bytes searched: each database file (SQLite) or the dump (PostgreSQL). */
  const haystacks: { name: string; bytes: Buffer }[] = [];

  const call = async (what: string, method: string, url: string, body: unknown, expected: number): Promise<TestResponse> => {
    const res = await h.request(method, url, body);
    expect(res.status, `${what}: ${res.text}`).toBe(expected);
    responses.push({ what, res });
    return res;
  };

  beforeAll(async () => {
    h = await startHarness(dialect);

    // R5: a custom-credential integration with a client secret.
    secrets.r5ClientSecret = randomSecret();
    controls.r5ClientId = randomId('cid_r5');
    await call(
      'R5 create github',
      'POST',
      '/data-integrations',
      {
        provider: 'github',
        enabled: true,
        credentials: { type: 'custom', client_id: controls.r5ClientId, client_secret: secrets.r5ClientSecret },
      },
      201,
    );

    // R7: the client secret rotated; the old and the new one must both be absent in plain form.
    secrets.r7ClientSecret = randomSecret();
    controls.r7ClientId = randomId('cid_r7');
    await call(
      'R7 rotate github secret',
      'PUT',
      '/data-integrations/github',
      {
        credentials: { type: 'custom', client_id: controls.r7ClientId, client_secret: secrets.r7ClientSecret },
      },
      200,
    );

    // R3: an organization's client secret on an organization-credential integration.
    await call(
      'R5 create gitlab (organization credentials)',
      'POST',
      '/data-integrations',
      { provider: 'gitlab', enabled: true, credentials: { type: 'organization' } },
      201,
    );
    secrets.r3OrgClientSecret = randomSecret();
    controls.r3OrgClientId = randomId('cid_r3');
    await call(
      'R3 org credentials',
      'PUT',
      '/organizations/org_1/data_integration_configurations/gitlab',
      {
        client_id: controls.r3OrgClientId,
        client_secret: secrets.r3OrgClientSecret,
      },
      200,
    );

    // R20: imported access and refresh tokens; R21: replaced access token.
    secrets.r20AccessToken = randomSecret();
    secrets.r20RefreshToken = randomSecret();
    controls.r20Scope = randomId('scope');
    await call(
      'R20 import tokens',
      'POST',
      '/user_management/users/user_1/connected_accounts/github',
      {
        access_token: secrets.r20AccessToken,
        refresh_token: secrets.r20RefreshToken,
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        scopes: [controls.r20Scope],
      },
      201,
    );
    secrets.r21AccessToken = randomSecret();
    controls.r21Scope = randomId('scope');
    await call(
      'R21 update tokens',
      'PUT',
      '/user_management/users/user_1/connected_accounts/github',
      {
        access_token: secrets.r21AccessToken,
        scopes: [controls.r21Scope],
      },
      200,
    );

    // API-key connection secrets: the custom provider's install, then R16.
    await call(
      'R5 create acme-keys',
      'POST',
      '/data-integrations',
      { provider: 'acme-keys', auth_methods: ['api_key'], custom_provider: { name: 'Acme' } },
      201,
    );
    secrets.r16ApiKey = randomSecret();
    controls.r16UserId = randomId('user');
    await call(
      'R16 api key',
      'PUT',
      '/data-integrations/acme-keys/api-key',
      { user_id: controls.r16UserId, secret: secrets.r16ApiKey },
      200,
    );
    secrets.r5InstallApiKey = randomSecret();
    controls.r5InstallUserId = randomId('user');
    await call(
      'R5 create acme-install with api_key',
      'POST',
      '/data-integrations',
      {
        provider: 'acme-install',
        auth_methods: ['api_key'],
        custom_provider: { name: 'Acme Install' },
        api_key: { secret: secrets.r5InstallApiKey, user_id: controls.r5InstallUserId },
      },
      201,
    );

    // Reads answer only redacted forms too.
    await call('R6 get github', 'GET', '/data-integrations/github', undefined, 200);
    await call('R4 list', 'GET', '/data-integrations?limit=100', undefined, 200);
    await call('R2 list org configurations', 'GET', '/organizations/org_1/data_integration_configurations', undefined, 200);
    await call('R19 get account', 'GET', '/user_management/users/user_1/connected_accounts/github', undefined, 200);
    await call('R1 providers', 'GET', `/user_management/users/${controls.r16UserId}/data_providers`, undefined, 200);

    for (const [table, column] of SEALED_COLUMNS) {
      const rows = await h.db
        .selectFrom(table)
        .select([sql<string>`id`.as('id'), sql<string>`environment_id`.as('env'), sql<string>`${sql.ref(column)}`.as('v')])
        .where(sql.ref(column), 'is not', null)
        .execute();
      sealed[`${table}.${column}`] = rows.map((r) => String(r.v));
      opened[`${table}.${column}`] = rows.map((r) =>
        h.keyring.open(String(r.v), secretContext(String(r.env), table, column, String(r.id))),
      );
    }

    if (h.target.kind === 'sqlite') {
      const path = h.target.path;
      // While open: the main file plus the WAL (where recent commits live until a checkpoint).
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(path + suffix)) haystacks.push({ name: `open${suffix || '-db'}`, bytes: readFileSync(path + suffix) });
      }
      // Closed: better-sqlite3 checkpoints the WAL into the main file on close.
      await h.app.close();
      await h.db.destroy();
      closed = true;
      haystacks.push({ name: 'closed-db', bytes: readFileSync(path) });
      if (existsSync(`${path}-wal`)) haystacks.push({ name: 'closed-wal', bytes: readFileSync(`${path}-wal`) });
    } else {
      haystacks.push({ name: 'pg_dump', bytes: await pgDump(h.target.url) });
    }
  });

  afterAll(async () => {
    if (!h) return;
    await h.close();
  });

  it('wrote every secret it meant to (the setup is what the assertions assume)', () => {
    expect(Object.keys(secrets).sort()).toEqual(
      [
        'r16ApiKey',
        'r20AccessToken',
        'r20RefreshToken',
        'r21AccessToken',
        'r3OrgClientSecret',
        'r5ClientSecret',
        'r5InstallApiKey',
        'r7ClientSecret',
      ].sort(),
    );
    expect(new Set(Object.values(secrets)).size).toBe(8);
    expect(haystacks.length).toBeGreaterThan(0);
    if (dialect === 'sqlite') expect(closed).toBe(true);
  });

  it('every sealed column value is v1:test1:… and the written columns hold values', () => {
    const counts = Object.fromEntries(Object.entries(sealed).map(([k, v]) => [k, v.length]));
    expect(counts).toMatchObject({
      'data_integrations.client_secret': 1,
      'org_configurations.client_secret': 1,
      'connected_accounts.access_token': 1,
      'connected_accounts.refresh_token': 1,
      'connected_accounts.api_key': 2,
    });
    for (const [column, values] of Object.entries(sealed)) {
      for (const v of values) {
        expect(v, column).toMatch(/^v1:test1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
        for (const [name, secret] of Object.entries(secrets)) expect(v.includes(secret), `${column} contains ${name}`).toBe(false);
      }
    }
  });

  it('the sealed values open, with their row binding, to the current secrets', () => {
    expect(opened).toMatchObject({
      'data_integrations.client_secret': [secrets.r7ClientSecret],
      'org_configurations.client_secret': [secrets.r3OrgClientSecret],
      'connected_accounts.access_token': [secrets.r21AccessToken],
      'connected_accounts.refresh_token': [secrets.r20RefreshToken],
    });
    expect([...opened['connected_accounts.api_key']!].sort()).toEqual([secrets.r16ApiKey, secrets.r5InstallApiKey].sort());
  });

  it('no secret appears in the database bytes in any form (UTF-8, UTF-16, base64, hex)', () => {
    const leaks = findLeaks(haystacks, secrets);
    expect(leaks).toEqual([]);
  });

  it('positive control: the non-secret values and the ciphertexts ARE found in the same bytes', () => {
    const all = Buffer.concat(haystacks.map((x) => x.bytes));
    for (const [name, value] of Object.entries(controls)) {
      // r5ClientId was replaced by the R7 update; a checkpointed SQLite page or dump may no longer hold it.
      if (name === 'r5ClientId') continue;
      expect(leakedForms(all, value), `${name} (${value}) should be found`).toContain('utf8');
    }
    for (const [column, values] of Object.entries(sealed)) {
      for (const v of values) expect(all.includes(Buffer.from(v)), `${column} ciphertext should be found`).toBe(true);
    }
    if (dialect === 'sqlite') {
      // The closed file alone holds the latest writes: the WAL was checkpointed into what was searched.
      const closedDb = haystacks.find((x) => x.name === 'closed-db')!.bytes;
      for (const name of ['r21Scope', 'r16UserId', 'r5InstallUserId'] as const)
        expect(closedDb.includes(Buffer.from(controls[name]!)), name).toBe(true);
    }
    // The search itself finds a planted secret form.
    const planted = Buffer.concat([
      all.subarray(0, 10),
      Buffer.from(Buffer.from(secrets.r20AccessToken!).toString('hex')),
      all.subarray(10, 20),
    ]);
    expect(leakedForms(planted, secrets.r20AccessToken!)).toEqual(['hex']);
  });

  it('no HTTP response carried a secret; only last fours where documented', () => {
    expect(responses.length).toBeGreaterThanOrEqual(13);
    for (const { what, res } of responses) {
      for (const [name, secret] of Object.entries(secrets)) {
        // Not the secret, nor any 8-character piece of it (only the last four may be shown).
        for (let i = 0; i + 8 <= secret.length; i++)
          expect(res.text.includes(secret.slice(i, i + 8)), `${what} leaks part of ${name}`).toBe(false);
        for (const form of leakedForms(Buffer.from(res.text), secret)) expect.fail(`${what} leaks ${name} as ${form}`);
      }
      expect(JSON.stringify(res.headers)).not.toContain(secrets.r20AccessToken);
    }
    const by = (what: string) => responses.find((r) => r.what === what)!.res.body;
    expect(by('R5 create github').credentials).toEqual({
      type: 'custom',
      client_id: controls.r5ClientId,
      redacted_client_secret: secrets.r5ClientSecret!.slice(-4),
    });
    expect(by('R7 rotate github secret').credentials.redacted_client_secret).toBe(secrets.r7ClientSecret!.slice(-4));
    expect(by('R3 org credentials').credentials).toMatchObject({
      client_id: controls.r3OrgClientId,
      client_secret_last_four: secrets.r3OrgClientSecret!.slice(-4),
    });
    expect(by('R16 api key').api_key_last_4).toBe(secrets.r16ApiKey!.slice(-4));
    expect(by('R5 create acme-install with api_key').installation.api_key_last_4).toBe(secrets.r5InstallApiKey!.slice(-4));
    expect(by('R20 import tokens').scopes).toEqual([controls.r20Scope]);
  });
});
