import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { ProviderCatalog } from '../../src/catalog/catalog.ts';
import { builtinProviders } from '../../src/catalog/builtin-providers.ts';
import type { Clock } from '../../src/core/clock.ts';
import { systemClock } from '../../src/core/clock.ts';
import { Keyring } from '../../src/crypto/keyring.ts';
import { createApp } from '../../src/http/app.ts';
import type { FetchLike } from '../../src/oauth/http-client.ts';
import { buildServices, type CoreDeps, type Services } from '../../src/app/services.ts';
import { openDatabase, type DatabaseTarget } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import type { TestDialect } from './dialects.ts';
import { createTestDatabase } from './postgres.ts';

export const PUBLIC_URL = 'https://pipes.test';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export interface Harness {
  dialect: TestDialect;
  target: DatabaseTarget;
  app: FastifyInstance;
  deps: Services;
  store: Store;
  /** The raw database, to inspect what is at rest (tests only; services never see it). */
  db: Kysely<Database>;
  keyring: Keyring;
  apiKey: string;
  environmentId: string;
  queries: string[];
  request<T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  clock?: Clock;
  allowInsecureProviderUrls?: boolean;
  /** Defaults to PUBLIC_URL; a real browser needs the listening origin (see freePort). */
  publicUrl?: string;
  allowedReturnOrigins?: string[];
  /** Deadline of one provider call (default 10 000): a provider that never answers must cost a test milliseconds. */
  outboundTimeoutMs?: number;
  /** Renew tokens this long before expiry (default 5 minutes). */
  refreshMarginMs?: number;
  /** Hold refreshes after one whose outcome is unknown this long (default 60 s; 0: off). */
  refreshInDoubtMs?: number;
  /** Outbound HTTP to providers (recorded responses); default the guarded fetch of the service. */
  fetch?: FetchLike;
  /** The resolver behind the outbound address guard (default `dns.lookup`): maps test names to addresses. */
  lookup?: CoreDeps['lookup'];
  /** Webhook delivery knobs (short retry schedule, attempt deadline); the worker is driven by the test. */
  webhooks?: CoreDeps['webhooks'];
  /**
   * Open this existing database (migrated again, idempotently) instead of a fresh one, e.g. a second
   * instance after a restart; its creator (see testDatabase) removes it, not this harness.
   */
  target?: DatabaseTarget;
  /** The keyring the database's secrets were sealed with (default: a fresh one). */
  keyring?: Keyring;
  /** Rate limits, Idempotency-Key bound, trusted proxies: from loadConfig, as the server takes them (default: the defaults). */
  http?: CoreDeps['http'];
  /** Serve `/metrics` (OPENPIPES_METRICS=true), with this token when not null; default off. */
  metrics?: { token: string | null };
  /** Build the health scheduler (not started: tests drive `tickOnce`); default none. */
  health?: CoreDeps['health'];
}

/** A TCP port free right now on 127.0.0.1, for a server whose public URL must be known before it listens. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/** A fresh database (temp SQLite file, or a new PostgreSQL database) and how to remove it. */
export async function testDatabase(dialect: TestDialect): Promise<{ target: DatabaseTarget; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'openpipes-test-'));
    return {
      target: { kind: 'sqlite', path: join(dir, 'openpipes.db') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const db = await createTestDatabase();
  return { target: { kind: 'postgres', url: db.url, poolSize: 5 }, cleanup: db.drop };
}

/**
 * A migrated store on a fresh database, or on `existing` (then closing it leaves the database:
 * whoever created it removes it).
 */
export async function openTestStore(
  dialect: TestDialect,
  onQuery?: (sql: string) => void,
  keyring: Keyring = testKeyring(),
  existing?: DatabaseTarget,
): Promise<{ store: Store; db: Kysely<Database>; target: DatabaseTarget; close: () => Promise<void> }> {
  const { target, cleanup } = existing ? { target: existing, cleanup: async () => undefined } : await testDatabase(dialect);
  const handle = openDatabase(target, onQuery ? { onQuery } : {});
  await migrateToLatest(handle.db);
  return {
    store: Store.open(handle, keyring),
    db: handle.db,
    target,
    close: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

export const testKeyring = (): Keyring => Keyring.parse(Keyring.generateKeySpec('test1'));

/** The whole service on a fresh database, with one environment and API key. */
export async function startHarness(dialect: TestDialect, options: HarnessOptions = {}): Promise<Harness> {
  const queries: string[] = [];
  const keyring = options.keyring ?? testKeyring();
  const { store, db, target, close } = await openTestStore(dialect, (sql) => queries.push(sql), keyring, options.target);
  const deps = buildServices({
    store,
    keyring,
    catalog: new ProviderCatalog(builtinProviders),
    clock: options.clock ?? systemClock,
    publicUrl: options.publicUrl ?? PUBLIC_URL,
    allowInsecureProviderUrls: options.allowInsecureProviderUrls ?? false,
    ...(options.outboundTimeoutMs !== undefined ? { outboundTimeoutMs: options.outboundTimeoutMs } : {}),
    ...(options.refreshMarginMs !== undefined ? { refreshMarginMs: options.refreshMarginMs } : {}),
    ...(options.refreshInDoubtMs !== undefined ? { refreshInDoubtMs: options.refreshInDoubtMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.http ? { http: options.http } : {}),
    ...(options.metrics ? { metricsEndpoint: options.metrics } : {}),
    ...(options.health ? { health: options.health } : {}),
    // Revocation failures are expected in fault tests; keep them out of the test output.
    log: { warn: () => undefined },
  });
  const env = await deps.environments.ensureDefault(options.allowedReturnOrigins ?? ['https://app.example.com']);
  const { key } = await deps.apiKeys.create(env, 'test');
  const app = await createApp(deps);
  await app.ready();
  return {
    dialect,
    target,
    app,
    deps,
    store,
    db,
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
      let parsed: unknown;
      try {
        parsed = res.body ? JSON.parse(res.body) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.statusCode, body: parsed as any, headers: res.headers, text: res.body };
    },
    async close() {
      // Tests drive the delivery worker (tickOnce); a tick still in flight finishes before the store closes.
      await deps.deliveryWorker.stop();
      await deps.healthScheduler?.stop();
      await app.close();
      await deps.outboundDispatcher.close();
      await close();
    },
  };
}
