/**
 * The proxy's provider settings are cached per process and checked against the environment's
 * read-model version (proxy/provider-settings-cache.ts): a warm call reads no integration, custom
 * provider or override, and a changed `api_base_url` — through the API, or written by anything
 * else that shares the database (plain SQL here) — is followed by the very next call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { SLUG, startProxyRig, stopProxyRig, type ProxyRig } from './support/proxy-rig.ts';

describe.each(DIALECTS)('proxy provider settings cache (%s)', (dialect) => {
  let rig: ProxyRig;
  beforeAll(async () => {
    rig = await startProxyRig(dialect, `proxy-settings-${dialect}`);
  }, 60_000);
  afterAll(() => stopProxyRig(rig));
  beforeEach(() => {
    rig.stub.answer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url })));
  });

  /** The SQL statements one proxied call runs, and where it landed at the stub. */
  const proxied = async (path: string) => {
    rig.h.queries.length = 0;
    const res = await rig.call('GET', `/proxy/${SLUG}${path}`);
    expect(res.status, res.body).toBe(200);
    return { url: res.json().url as string, statements: [...rig.h.queries] };
  };

  it('a warm call reads the versions, not the integration, its custom provider or an override', async () => {
    await proxied('/warm');
    const { url, statements } = await proxied('/items');
    expect(url).toBe('/v1/items');
    expect(statements.some((q) => q.includes('read_model_versions'))).toBe(true);
    // The version rides on the vend's own statement (the connection's row): no round trip of its own.
    const versionReads = statements.filter((q) => q.includes('read_model_versions'));
    expect(versionReads).toHaveLength(1);
    expect(versionReads[0]).toContain('connected_accounts');
    for (const table of ['custom_providers', 'org_configurations']) {
      expect(statements.filter((q) => q.includes(`"${table}"`) || q.includes(` ${table} `))).toEqual([]);
    }
    expect(statements.filter((q) => /from "data_integrations"/i.test(q))).toEqual([]);
  });

  it('a new api_base_url set through the API is used by the next call', async () => {
    expect((await proxied('/a')).url).toBe('/v1/a');
    const res = await rig.h.request('PUT', `/data-integrations/${SLUG}`, {
      custom_provider: { api_base_url: `${rig.stub.origin}/v2` },
    });
    expect(res.status, res.text).toBe(200);
    expect((await proxied('/a')).url).toBe('/v2/a');
  });

  it('a new api_base_url written by plain SQL (as another process or the CLI would) is used by the next call', async () => {
    await proxied('/warm');
    const row = await rig.h.db.selectFrom('custom_providers').select(['id', 'definition']).executeTakeFirstOrThrow();
    const definition = { ...JSON.parse(row.definition), api_base_url: `${rig.stub.origin}/v3/` };
    await rig.h.db
      .updateTable('custom_providers')
      .set({ definition: JSON.stringify(definition) })
      .where('id', '=', row.id)
      .execute();
    expect((await proxied('/b')).url).toBe('/v3/b');
  });
});
