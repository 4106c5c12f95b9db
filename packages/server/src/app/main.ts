import type { FastifyInstance } from 'fastify';
import { ProviderCatalog } from '../catalog/catalog.ts';
import { builtinProviders } from '../catalog/builtin-providers.ts';
import { systemClock } from '../core/clock.ts';
import { armFaultPoint } from '../core/fault-points.ts';
import type { Config } from './config.ts';
import { ConfigError } from './config.ts';
import { keyFilePath, loadOrCreateKeyFile } from '../crypto/key-file.ts';
import { Keyring, KeyringError } from '../crypto/keyring.ts';
import { createApp } from '../http/app.ts';
import { ADMIN_USERNAME } from '../operators/operator-service.ts';
import { DEFAULT_RETRY_SCHEDULE } from '../webhooks/retry-schedule.ts';
import { buildServices, type Services } from './services.ts';
import { openModeWarnings } from './file-modes.ts';
import { openDatabase } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { Store } from '../store/store.ts';
import { scheduleMaintenance } from '../store/maintenance.ts';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface Runtime {
  app: FastifyInstance;
  deps: Services;
  /**
   * On the very first start (no key yet, none configured): creates a key to print once. Called
   * after the server listens, so a failed start never swallows the only copy of a key.
   */
  createFirstApiKey(): Promise<string | null>;
  close(): Promise<void>;
}

export function loadKeyring(config: Config, log: Logger): Keyring {
  if (config.encryptionKeys) {
    try {
      return Keyring.parse(config.encryptionKeys);
    } catch (e) {
      throw new ConfigError('OPENPIPES_ENCRYPTION_KEYS', (e as Error).message);
    }
  }
  const { keyring, created, path } = loadOrCreateKeyFile(config.dataDir);
  log.warn(
    `OPENPIPES_ENCRYPTION_KEYS is not set: using the key file ${path}${created ? ' (created now)' : ''}. Back it up; set the variable in production.`,
  );
  return keyring;
}

/** Where the keyring comes from, as messages name it. */
export const keySource = (config: Config): string =>
  config.encryptionKeys
    ? 'OPENPIPES_ENCRYPTION_KEYS'
    : `the key file ${keyFilePath(config.dataDir)} (OPENPIPES_ENCRYPTION_KEYS is not set)`;

/** Opens the store, migrates, and fails fast when the keyring cannot open what is stored. */
export async function openStore(config: Config, keyring: Keyring): Promise<{ store: Store; close: () => Promise<void> }> {
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const store = Store.open(handle, keyring);
    const source = keySource(config);
    const missing = [...(await store.referencedKeyIds())].filter((kid) => !keyring.has(kid));
    if (missing.length > 0)
      throw new KeyringError(`stored secrets use key id(s) ${missing.join(', ')} that the keyring does not have; add them to ${source}`);
    // docs/security.md §14: a different key under a known id would only fail at the first vend.
    const wrong = await store.mismatchedKeyIds(new Date().toISOString());
    if (wrong.length > 0)
      throw new KeyringError(
        `${source}: key id(s) ${wrong.join(', ')} hold a different key than the one this database first saw under them; put the original key back (a new key needs a new id)`,
      );
    return { store, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Composition root: config → keyring → store → catalog → services → HTTP. */
export async function boot(config: Config, log: Logger): Promise<Runtime> {
  const keyring = loadKeyring(config, log);
  armFaultPoint(config.testFaultPoint);
  if (config.testFaultPoint) log.warn(`OPENPIPES_TEST_FAULT_POINT=${config.testFaultPoint}: this process kills itself there (tests only)`);
  if (config.allowInsecureProviderUrls)
    log.warn(
      'OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true: provider URLs may use plain http and reach local and private addresses (webhook endpoint URLs too). Never use this in production.',
    );
  const catalog = new ProviderCatalog(builtinProviders);
  const { store, close } = await openStore(config, keyring);
  for (const warning of openModeWarnings(config)) log.warn(warning);
  const deps = buildServices({
    store,
    keyring,
    catalog,
    clock: systemClock,
    publicUrl: config.publicUrl,
    allowInsecureProviderUrls: config.allowInsecureProviderUrls,
    logLevel: config.logLevel,
    refreshMarginMs: config.refreshMarginMs,
    refreshInDoubtMs: config.refreshInDoubtMs,
    webhooks: { schedule: { ...DEFAULT_RETRY_SCHEDULE, baseMs: config.webhookRetryBaseMs }, timeoutMs: config.webhookTimeoutMs },
    http: { rateLimits: config.rateLimits, idempotencyMaxKeys: config.idempotencyMaxKeys, trustProxy: config.trustProxy },
    ...(config.metrics ? { metricsEndpoint: config.metrics } : {}),
    ...(config.healthScheduler ? { health: config.healthScheduler } : {}),
  });
  const env = await deps.environments.ensureDefault(config.allowedReturnOrigins);
  if (config.apiKey) await deps.apiKeys.register(env.id, config.apiKey, 'OPENPIPES_API_KEY');
  if (config.adminPassword) {
    const outcome = await deps.operators.ensure(ADMIN_USERNAME, config.adminPassword);
    if (outcome !== 'unchanged')
      log.info(`OPENPIPES_ADMIN_PASSWORD: operator "${ADMIN_USERNAME}" ${outcome}; sign in at ${config.publicUrl}/dashboard`);
  }
  const app = await createApp({ ...deps, httpTimeouts: config.httpTimeouts });
  const stopMaintenance = scheduleMaintenance(store, systemClock, (e) => log.warn(`maintenance failed: ${(e as Error).message}`));
  deps.deliveryWorker.start();
  deps.healthScheduler?.start();
  deps.usage.start();
  deps.lastUsed.start();
  return {
    app,
    deps,
    createFirstApiKey: async () =>
      !config.apiKey && (await deps.apiKeys.list(env.id)).length === 0 ? (await deps.apiKeys.create(env, 'first key')).key : null,
    close: async () => {
      stopMaintenance();
      await deps.deliveryWorker.stop();
      // Waits for the renewals in flight and gives the lease up, so another process takes over at once.
      await deps.healthScheduler?.stop();
      await app.close();
      // After the server: vends answered while it drained are counted too.
      await deps.usage.stop().catch((e: unknown) => log.warn(`usage counters flush failed: ${(e as Error).message}`));
      await deps.lastUsed.stop().catch((e: unknown) => log.warn(`last-used flush failed: ${(e as Error).message}`));
      await deps.outboundDispatcher.close();
      await close();
    },
  };
}
