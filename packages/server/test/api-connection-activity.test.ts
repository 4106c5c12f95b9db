/**
 * Issue 12 item 7 over the API: a connection's answer (R19 and the other routes that read its row)
 * carries `last_refreshed_at`, `last_used_at`, `last_health_check_at` and
 * `last_health_check_result`; the provider listings (R1) do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { expireAccount } from './support/expire-account.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startScriptedTokenServer, type ScriptedTokenServer, scriptedIntegration } from './support/scripted-token-server.ts';

const ACCOUNT = '/user_management/users/user_1/connected_accounts/scripted';
const ACTIVITY = ['last_refreshed_at', 'last_used_at', 'last_health_check_at', 'last_health_check_result'];

describe.each(DIALECTS)('connection activity fields on %s', (dialect) => {
  let h: Harness;
  let provider: ScriptedTokenServer;
  let accountId: string;
  const get = async () => {
    const res = await h.request('GET', ACCOUNT);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    provider = await startScriptedTokenServer();
    h = await startHarness(dialect, { allowInsecureProviderUrls: true });
    const integration = await h.request('POST', '/data-integrations', scriptedIntegration(provider));
    expect(integration.status, integration.text).toBe(201);
    const imported = await h.request('POST', ACCOUNT, {
      access_token: 'at-0',
      refresh_token: 'rt-0',
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
      scopes: ['read'],
    });
    expect(imported.status, imported.text).toBe(201);
    accountId = imported.body.id;
    // The import's own answer reads the row too: the fields are there, null.
    for (const field of ACTIVITY) expect(imported.body[field], field).toBeNull();
  });
  afterAll(async () => {
    await h?.close();
    await provider?.close();
  });

  it('present and null on a connection never refreshed, used or checked', async () => {
    const account = await get();
    for (const field of ACTIVITY) {
      expect(account, field).toHaveProperty(field);
      expect(account[field], field).toBeNull();
    }
    expect(account.state).toBe('connected');
  });

  it('a vend that renews the token sets last_refreshed_at; last_used_at follows at the next flush', async () => {
    await expireAccount(h.db, accountId);
    const before = Date.now();
    const vend = await h.request('POST', '/data-integrations/scripted/token', { user_id: 'user_1' });
    expect(vend.status, vend.text).toBe(200);
    expect(vend.body.access_token.access_token).toBe('scripted-at-1');
    expect(provider.count('/token')).toBe(1);

    const refreshed = await get();
    expect(Date.parse(refreshed.last_refreshed_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(refreshed.last_used_at).toBeNull();

    await h.deps.lastUsed.flush();
    const used = await get();
    expect(Date.parse(used.last_used_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(used.last_refreshed_at).toBe(refreshed.last_refreshed_at);
    // Neither write is a change of the connection itself.
    expect(used.updated_at).toBe(refreshed.updated_at);
  });

  it('the last health check as the scheduler stored it; state keeps the contract values', async () => {
    const at = '2026-02-01T12:00:00.000Z';
    await h.db
      .updateTable('connected_accounts')
      .set({ last_health_check_at: at, last_health_check_result: 'temporary_failure' })
      .where('id', '=', accountId)
      .execute();
    const account = await get();
    expect(account.last_health_check_at).toBe(at);
    expect(account.last_health_check_result).toBe('temporary_failure');
    expect(account.state).toBe('connected');
  });

  it('the provider listing (R1) keeps its fields: no activity there', async () => {
    const res = await h.request('GET', '/user_management/users/user_1/data_providers');
    expect(res.status, res.text).toBe(200);
    const embedded = res.body.data.find((d: any) => d.slug === 'scripted')?.connected_account;
    expect(embedded?.id).toBe(accountId);
    for (const field of ACTIVITY) expect(embedded, field).not.toHaveProperty(field);
  });
});
