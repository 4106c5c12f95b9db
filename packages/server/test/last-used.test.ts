import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LastUsedRecorder } from '../src/connections/last-used.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

/** A clock the test moves, and a store that records each `recordUse` call (or refuses it). */
function fakes() {
  let now = Date.parse('2025-03-01T10:00:00.000Z');
  const calls: Array<{ ids: string[]; at: string }> = [];
  let failing = false;
  const recorder = new LastUsedRecorder({
    clock: { now: () => now },
    store: {
      accounts: {
        recordUse: async (ids, at) => {
          if (failing) throw new Error('database down');
          calls.push({ ids: [...ids], at });
        },
      },
    },
    onError: () => undefined,
  });
  return {
    recorder,
    calls,
    advance: (ms: number) => {
      now += ms;
    },
    fail: (f: boolean) => {
      failing = f;
    },
  };
}

describe('LastUsedRecorder', () => {
  it('many touches of few connections → one write per flush, each connection once, at the latest touch', async () => {
    const f = fakes();
    for (let i = 0; i < 1000; i++) {
      f.recorder.touch(`acct_${i % 3}`);
      f.advance(1);
    }
    expect(f.calls).toHaveLength(0);
    await f.recorder.flush();
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]?.ids.sort()).toEqual(['acct_0', 'acct_1', 'acct_2']);
    expect(f.calls[0]?.at).toBe('2025-03-01T10:00:00.999Z');
    await f.recorder.flush();
    expect(f.calls).toHaveLength(1);
  });

  it('a failed write is retried at the next flush, with what was touched meanwhile', async () => {
    const f = fakes();
    f.recorder.touch('acct_a');
    f.fail(true);
    await expect(f.recorder.flush()).rejects.toThrow('database down');
    f.fail(false);
    f.advance(5000);
    f.recorder.touch('acct_b');
    await f.recorder.flush();
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]?.ids.sort()).toEqual(['acct_a', 'acct_b']);
    expect(f.calls[0]?.at).toBe('2025-03-01T10:00:05.000Z');
  });

  it('after three failed writes in a row the uses are dropped (bounded), and recording goes on', async () => {
    const f = fakes();
    f.recorder.touch('acct_a');
    f.fail(true);
    for (let i = 0; i < 3; i++) await expect(f.recorder.flush()).rejects.toThrow();
    f.fail(false);
    await f.recorder.flush();
    expect(f.calls).toHaveLength(0);
    f.recorder.touch('acct_b');
    await f.recorder.flush();
    expect(f.calls.map((c) => c.ids)).toEqual([['acct_b']]);
  });

  it('stop writes what is left', async () => {
    const f = fakes();
    f.recorder.start(60_000);
    f.recorder.touch('acct_a');
    await f.recorder.stop();
    expect(f.calls.map((c) => c.ids)).toEqual([['acct_a']]);
  });
});

describe.each(DIALECTS)('last_used_at on %s', (dialect) => {
  let h: Harness;
  let accountId: string;
  const R1 = '/user_management/users/user_1/data_providers?organization_id=org_1';
  const lastUsed = async (id: string) =>
    (await h.db.selectFrom('connected_accounts').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;
  // Every listing version of the environment (its integrations' and each owner's connections').
  const versions = async () =>
    (await h.db.selectFrom('read_model_versions').select(['scope_key', 'version']).where('environment_id', '=', h.environmentId).execute())
      .map((r) => `${r.scope_key}:${Number(r.version)}`)
      .sort();

  beforeAll(async () => {
    h = await startHarness(dialect);
    const integration = await h.request('POST', '/data-integrations', {
      provider: 'gitlab',
      enabled: true,
      credentials: { type: 'custom', client_id: 'id', client_secret: 'secret' },
    });
    expect(integration.status).toBe(201);
    const saved = await h.request('POST', '/user_management/users/user_1/connected_accounts/gitlab?organization_id=org_1', {
      access_token: 'token-1',
    });
    expect(saved.status).toBe(201);
    accountId = saved.body.id;
  });
  afterAll(() => h?.close());

  it('three vends → no write per vend; one flush → one statement, last_used_at set; cached listings stay valid', async () => {
    expect(await lastUsed(accountId)).toBeNull();
    expect((await h.request('GET', R1)).status).toBe(200);
    const before = await versions();
    expect(before.length).toBeGreaterThan(1);
    h.queries.length = 0;
    for (let i = 0; i < 3; i++) {
      const res = await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'user_1', organization_id: 'org_1' });
      expect(res.body.active).toBe(true);
    }
    const credentials = await h.request('POST', '/data-integrations/gitlab/credentials', { user_id: 'user_1', organization_id: 'org_1' });
    expect(credentials.body.active).toBe(true);
    const writes = () => h.queries.filter((q) => /^update "?connected_accounts/i.test(q.trim()));
    expect(writes()).toHaveLength(0);
    expect(await lastUsed(accountId)).toBeNull();

    await h.deps.lastUsed.flush();
    expect(writes()).toHaveLength(1);
    const used = await lastUsed(accountId);
    expect(used).not.toBeNull();
    expect(Date.now() - Date.parse(used ?? '')).toBeLessThan(60_000);
    // Recording use is not a change the provider listings show: their version stays, so the
    // next listing is answered from the cache.
    expect(await versions()).toEqual(before);
    h.queries.length = 0;
    expect((await h.request('GET', R1)).status).toBe(200);
    expect(h.queries.filter((q) => /connected_accounts/.test(q))).toHaveLength(0);
  });

  it('a vend that answers inactive does not count as a use', async () => {
    await h.deps.lastUsed.flush();
    await h.db
      .updateTable('connected_accounts')
      .set({ state: 'needs_reauthorization', last_used_at: null })
      .where('id', '=', accountId)
      .execute();
    const res = await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'user_1', organization_id: 'org_1' });
    expect(res.body).toMatchObject({ active: false, error: 'needs_reauthorization' });
    await h.deps.lastUsed.flush();
    expect(await lastUsed(accountId)).toBeNull();
  });

  it('1,201 ids are written in three statements (batches of 500)', async () => {
    const ids = [accountId, ...Array.from({ length: 1200 }, (_, i) => `data_installation_missing_${i}`)];
    h.queries.length = 0;
    await h.store.accounts.recordUse(ids, '2029-06-01T00:00:00.000Z');
    expect(h.queries.filter((q) => /^update "?connected_accounts/i.test(q.trim()))).toHaveLength(3);
    expect(await lastUsed(accountId)).toBe('2029-06-01T00:00:00.000Z');
  });

  it('an older time never overwrites a newer one (another process flushed later)', async () => {
    await h.store.accounts.recordUse([accountId], '2030-01-01T00:00:00.000Z');
    await h.store.accounts.recordUse([accountId], '2029-01-01T00:00:00.000Z');
    expect(await lastUsed(accountId)).toBe('2030-01-01T00:00:00.000Z');
  });
});
