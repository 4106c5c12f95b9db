/**
 * The seeding command's bulk rows (bench/lib/seed-rows.ts) are real connections: each has its own
 * tokens sealed for its own row, so the vend opens them, and one row's ciphertext pasted into
 * another does not open (the associated data names the row).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_USER, rowBuilder } from '../../../bench/lib/seed-rows.ts';
import { Keyring } from '../src/crypto/keyring.ts';
import type { ConnectedAccountsTable } from '../src/store/schema.ts';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { randomKeySpec } from './support/openpipes-process.ts';

describe.each(DIALECTS)('bench:seed rows on %s', (dialect) => {
  const spec = randomKeySpec('bench');
  let h: Harness;
  let rows: ConnectedAccountsTable[];
  beforeAll(async () => {
    h = await startHarness(dialect, { keyring: Keyring.parse(spec) });
    const slugs = ['github', 'gitlab', 'slack', 'linear', 'notion'];
    for (const provider of slugs) {
      const res = await h.request('POST', '/data-integrations', {
        provider,
        enabled: true,
        credentials: { type: 'custom', client_id: `c-${provider}`, client_secret: `s-${provider}-secret` },
      });
      expect(res.status).toBe(201);
    }
    expect(
      (await h.request('POST', '/user_management/users/user_template/connected_accounts/github', { access_token: 'tok_template' })).status,
    ).toBe(201);
    const template = await h.db.selectFrom('connected_accounts').selectAll().executeTakeFirstOrThrow();
    const ids = await h.db.selectFrom('data_integrations').select(['id', 'slug']).execute();
    const integrationIds = slugs.map((s) => ids.find((r) => r.slug === s)!.id);
    rows = rowBuilder({ template, integrationIds, organizations: 3, encryptionKeys: spec })(0, 4 * PER_USER);
    await h.db.insertInto('connected_accounts').values(rows).execute();
  });
  afterAll(() => h.close());

  it('gives every seeded connection a token the vend opens', async () => {
    for (const user of [0, 1, 3]) {
      const mine = rows.filter((r) => r.user_id === `user_${user}`);
      expect(mine).toHaveLength(PER_USER);
      expect(new Set(mine.map((r) => r.integration_id)).size).toBe(PER_USER);
      for (const row of mine) {
        const slug = (
          await h.db.selectFrom('data_integrations').select('slug').where('id', '=', row.integration_id).executeTakeFirstOrThrow()
        ).slug;
        const res = await h.request('POST', `/data-integrations/${slug}/token`, {
          user_id: row.user_id,
          organization_id: row.organization_id,
        });
        expect(res.status).toBe(200);
        expect(res.body.active).toBe(true);
        expect(res.body.access_token.access_token).toMatch(/^tok_[0-9a-f]{36}$/);
      }
    }
  });

  it('seals each row for itself: a ciphertext copied to another row does not open', async () => {
    const [a, b] = [rows[0]!, rows[PER_USER]!];
    expect(a.access_token).not.toBe(b.access_token);
    await h.db.updateTable('connected_accounts').set({ access_token: a.access_token }).where('id', '=', b.id).execute();
    const slug = (await h.db.selectFrom('data_integrations').select('slug').where('id', '=', b.integration_id).executeTakeFirstOrThrow())
      .slug;
    const res = await h.request('POST', `/data-integrations/${slug}/token`, { user_id: b.user_id, organization_id: b.organization_id });
    expect(res.status).not.toBe(200);
  });
});
