import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastFour } from '../src/domain/secret.ts';
import { MIGRATIONS } from '../src/store/migrate.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

/**
 * Issue 9, finding 7 (docs/security.md §13): the "last four" hints show the end of a secret only
 * when it has at least 12 characters; a short secret (`pw1`) came back whole. Short secrets are
 * still accepted: providers choose their formats.
 */
const SHORT = 'pw1';
const ELEVEN = 'abcdefg1234';
const TWELVE = 'abcdefgh5678';

describe('lastFour', () => {
  it('is null below 12 characters and the last four from 12 on', () => {
    expect(lastFour('')).toBeNull();
    expect(lastFour(SHORT)).toBeNull();
    expect(lastFour(ELEVEN)).toBeNull();
    expect(lastFour(TWELVE)).toBe('5678');
  });
});

describe.each(DIALECTS)('last-four hints through the API on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h.close());

  it('an API key installation: pw1 → api_key_last_4 null (accepted), 12 characters → its last four', async () => {
    const created = await h.request('POST', '/data-integrations', {
      provider: 'acme-keys',
      auth_methods: ['api_key'],
      enabled: true,
      custom_provider: { name: 'Acme Keys' },
      api_key: { secret: SHORT, user_id: 'user_short' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.installation.api_key_last_4).toBeNull();
    expect(created.text).not.toContain(`"${SHORT}"`);

    const eleven = await h.request('PUT', '/data-integrations/acme-keys/api-key', { user_id: 'user_eleven', secret: ELEVEN });
    expect(eleven.status, eleven.text).toBe(200);
    expect(eleven.body.api_key_last_4).toBeNull();

    const long = await h.request('PUT', '/data-integrations/acme-keys/api-key', { user_id: 'user_long', secret: TWELVE });
    expect(long.status, long.text).toBe(200);
    expect(long.body.api_key_last_4).toBe('5678');

    const read = await h.request('GET', '/user_management/users/user_short/connected_accounts/acme-keys');
    expect(read.status, read.text).toBe(200);
    expect(read.body.api_key_last_4).toBeNull();
  });

  it('a custom client secret: short → redacted_client_secret null, 12 characters → its last four', async () => {
    const short = await h.request('POST', '/data-integrations', {
      provider: 'github',
      credentials: { type: 'custom', client_id: 'Iv1.abc', client_secret: SHORT },
    });
    expect(short.status, short.text).toBe(201);
    expect(short.body.credentials).toEqual({ type: 'custom', client_id: 'Iv1.abc', redacted_client_secret: null });
    const rotated = await h.request('PUT', '/data-integrations/github', {
      credentials: { type: 'custom', client_id: 'Iv1.abc', client_secret: TWELVE },
    });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.body.credentials.redacted_client_secret).toBe('5678');
    const back = await h.request('PUT', '/data-integrations/github', {
      credentials: { type: 'custom', client_id: 'Iv1.abc', client_secret: ELEVEN },
    });
    expect(back.body.credentials.redacted_client_secret).toBeNull();
  });

  it("an organization's client secret: short → client_secret_last_four null, 12 characters → its last four", async () => {
    expect(
      (
        await h.request('POST', '/data-integrations', {
          provider: 'gitlab',
          ownership: 'organization',
          credentials: { type: 'organization' },
        })
      ).status,
    ).toBe(201);
    const short = await h.request('PUT', '/organizations/org_1/data_integration_configurations/gitlab', {
      client_id: 'client_01',
      client_secret: SHORT,
    });
    expect(short.status, short.text).toBe(200);
    expect(short.body.credentials).toMatchObject({ has_credentials: true, client_secret_last_four: null });
    const long = await h.request('PUT', '/organizations/org_1/data_integration_configurations/gitlab', {
      client_id: 'client_01',
      client_secret: TWELVE,
    });
    expect(long.body.credentials.client_secret_last_four).toBe('5678');
  });
});

describe.each(DIALECTS)('migration 0007 forgets stored hints that are whole secrets on %s', (dialect) => {
  it('a 3-character hint written before the rule becomes null; a 4-character one stays', async () => {
    const h = await startHarness(dialect);
    try {
      await h.request('POST', '/data-integrations', {
        provider: 'acme-keys',
        auth_methods: ['api_key'],
        enabled: true,
        custom_provider: { name: 'Acme Keys' },
        api_key: { secret: TWELVE, user_id: 'user_old' },
      });
      // As the old code stored it: the whole short secret as the hint.
      await h.db.updateTable('connected_accounts').set({ api_key_last4: SHORT }).execute();
      await MIGRATIONS['0007-short-last-four']!.up(h.db as never);
      expect((await h.request('GET', '/user_management/users/user_old/connected_accounts/acme-keys')).body.api_key_last_4).toBeNull();
      await h.db.updateTable('connected_accounts').set({ api_key_last4: '5678' }).execute();
      await MIGRATIONS['0007-short-last-four']!.up(h.db as never);
      expect((await h.request('GET', '/user_management/users/user_old/connected_accounts/acme-keys')).body.api_key_last_4).toBe('5678');
    } finally {
      await h.close();
    }
  });
});
