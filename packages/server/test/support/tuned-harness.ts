/**
 * `startHarness` with the knobs of `buildServices` it does not expose: the outbound timeout (a
 * provider that never answers must cost a test milliseconds, not 10 s) and the refresh margin.
 * Same shape as `Harness`, so tests can use either.
 */
import { ProviderCatalog } from '../../src/catalog/catalog.ts';
import { builtinProviders } from '../../src/catalog/builtin-providers.ts';
import type { Clock } from '../../src/clock.ts';
import { systemClock } from '../../src/clock.ts';
import { createApp } from '../../src/http/app.ts';
import { buildServices } from '../../src/services.ts';
import type { TestDialect } from './dialects.ts';
import { openTestStore, PUBLIC_URL, testKeyring, type Harness } from './harness.ts';

export interface TunedHarnessOptions {
  clock?: Clock;
  allowInsecureProviderUrls?: boolean;
  /** Deadline of one provider call (buildServices default: 10 000). */
  outboundTimeoutMs?: number;
  /** Renew tokens this long before expiry (buildServices default: 5 minutes). */
  refreshMarginMs?: number;
}

export async function startTunedHarness(dialect: TestDialect, options: TunedHarnessOptions = {}): Promise<Harness> {
  const queries: string[] = [];
  const { store, target, close } = await openTestStore(dialect, (sql) => queries.push(sql));
  const keyring = testKeyring();
  const deps = buildServices({
    store,
    keyring,
    catalog: new ProviderCatalog(builtinProviders),
    clock: options.clock ?? systemClock,
    publicUrl: PUBLIC_URL,
    allowInsecureProviderUrls: options.allowInsecureProviderUrls ?? false,
    ...(options.outboundTimeoutMs !== undefined ? { outboundTimeoutMs: options.outboundTimeoutMs } : {}),
    ...(options.refreshMarginMs !== undefined ? { refreshMarginMs: options.refreshMarginMs } : {}),
    // Revocation failures are expected in fault tests; keep them out of the test output.
    log: { warn: () => undefined },
  });
  const env = await deps.environments.ensureDefault(['https://app.example.com']);
  const { key } = await deps.apiKeys.create(env, 'test');
  const app = await createApp(deps);
  await app.ready();
  return {
    dialect,
    target,
    app,
    deps,
    store,
    keyring,
    apiKey: key,
    environmentId: env.id,
    queries,
    async request(method, url, body, headers = {}) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      let parsed: unknown = undefined;
      try {
        parsed = res.body ? JSON.parse(res.body) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.statusCode, body: parsed as any, headers: res.headers, text: res.body };
    },
    async close() {
      await app.close();
      await close();
    },
  };
}
