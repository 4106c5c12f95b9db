import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';

/**
 * On PostgreSQL, vend reads asked for together run as one statement (store/statement-batcher.ts);
 * each request must still get exactly its own connection's answer.
 */
describe.each(DIALECTS.filter((d) => d === 'postgres'))('concurrent vends on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
    for (const provider of ['gitlab', 'notion']) {
      const res = await h.request('POST', '/data-integrations', {
        provider,
        enabled: true,
        credentials: { type: 'custom', client_id: 'id', client_secret: 'secret' },
      });
      expect(res.status).toBe(201);
    }
    for (let i = 0; i < 40; i++) {
      const slug = i % 2 === 0 ? 'gitlab' : 'notion';
      const res = await h.request('POST', `/user_management/users/user_${i}/connected_accounts/${slug}?organization_id=org_${i % 3}`, {
        access_token: `token-${i}`,
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => h?.close());

  it('60 vends at once, for 40 connections, 10 missing ones and 10 unknown integrations: each gets its own answer', async () => {
    h.queries.length = 0;
    const calls = Array.from({ length: 60 }, (_, i) => {
      const user = i % 40;
      const slug = i >= 50 ? 'missing-integration' : user % 2 === 0 ? 'gitlab' : 'notion';
      // 40..49: the other provider than the one the user connected: no connection there.
      const other = i >= 40 && i < 50 ? (slug === 'gitlab' ? 'notion' : 'gitlab') : slug;
      return { i, user, slug: other, org: `org_${user % 3}` };
    });
    const answers = await Promise.all(
      calls.map((c) => h.request('POST', `/data-integrations/${c.slug}/token`, { user_id: `user_${c.user}`, organization_id: c.org })),
    );
    for (const [n, c] of calls.entries()) {
      const res = answers[n]!;
      if (c.i < 40) {
        expect(res.status, `vend ${c.i}`).toBe(200);
        expect(res.body.access_token.access_token).toBe(`token-${c.user}`);
      } else if (c.i < 50) {
        expect(res.status, `vend ${c.i}`).toBe(200);
        expect(res.body).toMatchObject({ active: false, error: 'not_installed' });
      } else {
        expect(res.status, `vend ${c.i}`).toBe(404);
      }
    }
    // They were read together, not one statement each.
    const vendReads = h.queries.filter((q) => /FROM data_integrations di/.test(q));
    expect(vendReads.some((q) => /unnest/.test(q))).toBe(true);
    expect(vendReads.length).toBeLessThan(60);
  });

  it('a vend alone still runs as its own statement', async () => {
    h.queries.length = 0;
    const res = await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'user_0', organization_id: 'org_0' });
    expect(res.body.access_token.access_token).toBe('token-0');
    expect(h.queries.filter((q) => /FROM data_integrations di/.test(q) && !/unnest/.test(q))).toHaveLength(1);
  });
});
