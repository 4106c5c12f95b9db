/**
 * Refresh benchmark (issue 10, item 4): 1,000 concurrent vends over 100 expired accounts against a
 * real local authorization server (oidc-provider, refresh-token rotation on, the one the tests
 * use) → exactly 100 refresh grants, counted at the provider; prints the time to serve them all.
 * The provider and the load run in this process, OpenPipes in a child process.
 *
 *   npm run bench:refresh                      # SQLite
 *   npm run bench:refresh -- --postgres URL    # PostgreSQL (a scratch database on that server)
 *   npm run bench:refresh -- --accounts 100 --vends 1000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import { startOidcServer } from '../packages/server/test/support/oidc-server.ts';
import { obtainTokens } from '../packages/server/test/support/oidc-tokens.ts';
import { apiClient, must } from './lib/fixture.ts';
import { startLoopbackServer } from './lib/loopback-server.ts';
import { median, peakRssMb } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100' },
    vends: { type: 'string', default: '1000' },
    postgres: { type: 'string' },
  },
});
const accounts = Number(values.accounts);
const vends = Number(values.vends);
const SCOPE = 'openid offline_access read';

const dataDir = mkdtempSync(join(tmpdir(), 'openpipes-refresh-bench-'));
const cleanups: (() => Promise<void>)[] = [];
try {
  const oidc = await startOidcServer({ accessTokenTtlSeconds: 3600 });
  cleanups.push(() => oidc.close());
  const { op, apiKey, base, store } = await startLoopbackServer(dataDir, values.postgres, cleanups);
  const call = apiClient(base, apiKey);
  const clientId = 'bench-client';
  const created = JSON.parse(
    await must(call, 'POST', '/data-integrations', {
      provider: 'acme',
      enabled: true,
      scopes: SCOPE.split(' '),
      credentials: { type: 'custom', client_id: clientId, client_secret: `${clientId}-secret` },
      custom_provider: { name: 'Acme', authorization_url: oidc.authorizationUrl, token_url: oidc.tokenUrl, issuer: oidc.issuer },
    }),
  ) as { redirect_uri: string };
  oidc.registerClient({ clientId, clientSecret: `${clientId}-secret`, redirectUris: [created.redirect_uri] });

  // Real provider-issued tokens for each account (login, consent, code grant), imported as expired.
  const users = Array.from({ length: accounts }, (_, i) => `user_${i}`);
  for (const user of users) {
    const t = await obtainTokens(
      oidc,
      { clientId, clientSecret: `${clientId}-secret`, redirectUri: created.redirect_uri, scope: SCOPE },
      user,
    );
    await must(call, 'POST', `/user_management/users/${user}/connected_accounts/acme`, {
      access_token: t.access_token,
      refresh_token: t.refresh_token,
      expires_at: new Date(Date.now() - 60_000).toISOString(),
      scopes: t.scope.split(' '),
    });
  }

  // Every vend on a connection of its own: a pool would queue them and hide the concurrency.
  const agent = new Agent({ connections: vends, pipelining: 0 });
  oidc.resetCounts();
  const latencies: number[] = [];
  const began = performance.now();
  const answers = await Promise.all(
    Array.from({ length: vends }, async (_, i) => {
      const t = performance.now();
      const res = await fetch(`${base}/data-integrations/acme/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: users[i % accounts] }),
        // @ts-expect-error undici's dispatcher option is not in the DOM fetch types
        dispatcher: agent,
      });
      const body = (await res.json()) as { active?: boolean; access_token?: { access_token: string } };
      latencies.push(performance.now() - t);
      return { user: users[i % accounts]!, status: res.status, body };
    }),
  );
  const elapsed = performance.now() - began;
  await agent.close();

  const failed = answers.filter((a) => a.status !== 200 || a.body.active !== true);
  const tokensPerUser = new Map<string, Set<string>>();
  for (const a of answers) {
    if (!a.body.access_token) continue;
    const set = tokensPerUser.get(a.user) ?? new Set<string>();
    set.add(a.body.access_token.access_token);
    tokensPerUser.set(a.user, set);
  }
  const split = [...tokensPerUser.values()].filter((s) => s.size !== 1).length;
  const sorted = [...latencies].sort((x, y) => x - y);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
  process.stdout.write(
    [
      `refresh benchmark (${store}): ${vends} concurrent vends over ${accounts} expired accounts`,
      `| store | vends | accounts | refresh grants at the provider | token requests at the provider | failed vends | accounts answered with >1 token | all served in ms | vend p50 / p99 ms | OpenPipes peak RSS MB |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${store} | ${vends} | ${accounts} | ${oidc.counts.refreshGrants} | ${oidc.counts.tokenRequests} | ${failed.length} | ${split} | ${Math.round(elapsed)} | ${Math.round(median(latencies))} / ${Math.round(p99)} | ${peakRssMb(op.child.pid) ?? '?'} |`,
      '',
    ].join('\n'),
  );
  if (failed.length > 0) process.stdout.write(`first failure: ${JSON.stringify(failed[0])}\n`);
  if (oidc.counts.refreshGrants !== accounts || failed.length > 0 || split > 0) process.exitCode = 1;
} finally {
  for (const c of cleanups) await c();
  rmSync(dataDir, { recursive: true, force: true });
}
