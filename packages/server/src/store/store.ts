import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { AccountsRepo } from './accounts-repo.ts';
import { ApiKeysRepo } from './api-keys-repo.ts';
import { CustomProvidersRepo } from './custom-providers-repo.ts';
import type { DatabaseHandle, Dialect } from './database.ts';
import { EnvironmentsRepo } from './environments-repo.ts';
import { EventsRepo } from './events-repo.ts';
import { FlowsRepo } from './flows-repo.ts';
import { HealthChecksRepo } from './health-checks-repo.ts';
import { IdempotencyRepo } from './idempotency-repo.ts';
import { IntegrationsRepo } from './integrations-repo.ts';
import { knownKeyIds, mismatchedKeyIds } from './key-checks.ts';
import { type KeyUsage, keyUsage, referencedKeyIds } from './key-usage.ts';
import { OperatorsRepo } from './operators-repo.ts';
import { OrgConfigurationsRepo } from './org-configurations-repo.ts';
import { Reencryptor } from './reencrypt.ts';
import { PostgresRowLock, type RefreshLock, setLockTimeout, SqliteLease } from './refresh-lock.ts';
import type { Database } from './schema.ts';
import { SchedulerLeasesRepo } from './scheduler-leases-repo.ts';
import { Sealer } from './sealer.ts';
import { UsageRepo } from './usage-repo.ts';
import type { Readiness } from '../domain/readiness.ts';
import { checkReadiness } from './readiness.ts';
import { ListingReader } from './listing-reader.ts';
import { VendReader, type RawHandle } from './vend-reader.ts';
import { WebhookDeliveriesRepo } from './webhook-deliveries-repo.ts';
import { WebhookEndpointsRepo } from './webhook-endpoints-repo.ts';

/**
 * The storage layer's one entry point: narrow repositories over one database handle. Inside
 * `transaction`, the same repositories run on the transaction, so services write the same code
 * whether or not they are in one. Repositories own every storage detail (tables, JSON and 0/1
 * columns, sealing secrets to their row); services see domain types only.
 */
export class Store {
  readonly environments: EnvironmentsRepo;
  readonly apiKeys: ApiKeysRepo;
  readonly integrations: IntegrationsRepo;
  readonly customProviders: CustomProvidersRepo;
  readonly orgConfigurations: OrgConfigurationsRepo;
  readonly accounts: AccountsRepo;
  readonly events: EventsRepo;
  readonly idempotency: IdempotencyRepo;
  readonly flows: FlowsRepo;
  readonly webhookEndpoints: WebhookEndpointsRepo;
  readonly webhookDeliveries: WebhookDeliveriesRepo;
  readonly operators: OperatorsRepo;
  readonly usage: UsageRepo;
  readonly healthChecks: HealthChecksRepo;
  readonly schedulerLeases: SchedulerLeasesRepo;

  private constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    private readonly sealer: Sealer,
    private readonly keyring: Keyring,
    /** The hot-path reader; only on the root store (vending never reads inside a transaction). */
    private readonly vendReader: VendReader | null,
    /** The driver handle (root store only), for the connection pool's numbers. */
    private readonly raw: RawHandle | null = null,
    /** The listings' reader; root store only, like the vend reader. */
    private readonly listingReader: ListingReader | null = null,
  ) {
    this.environments = new EnvironmentsRepo(db);
    this.apiKeys = new ApiKeysRepo(db);
    this.integrations = new IntegrationsRepo(db, sealer);
    this.customProviders = new CustomProvidersRepo(db);
    this.orgConfigurations = new OrgConfigurationsRepo(db, sealer);
    this.accounts = new AccountsRepo(db, sealer);
    this.webhookEndpoints = new WebhookEndpointsRepo(db, sealer);
    this.webhookDeliveries = new WebhookDeliveriesRepo(db, dialect, sealer);
    this.events = new EventsRepo(db, this.webhookDeliveries);
    this.idempotency = new IdempotencyRepo(db, sealer);
    this.flows = new FlowsRepo(db, sealer);
    this.operators = new OperatorsRepo(db);
    this.usage = new UsageRepo(db);
    this.healthChecks = new HealthChecksRepo(db);
    this.schedulerLeases = new SchedulerLeasesRepo(db);
  }

  /** A store over an open database; secrets are sealed and opened with `keyring`. */
  static open(handle: DatabaseHandle, keyring: Keyring): Store {
    const sealer = new Sealer(keyring);
    return new Store(
      handle.db,
      handle.dialect,
      sealer,
      keyring,
      new VendReader(handle.raw, sealer),
      handle.raw,
      new ListingReader(handle.raw, sealer),
    );
  }

  get vend(): VendReader {
    if (!this.vendReader) throw new Error('vend reads run on the root store, not inside a transaction');
    return this.vendReader;
  }

  get listing(): ListingReader {
    if (!this.listingReader) throw new Error('listing reads run on the root store, not inside a transaction');
    return this.listingReader;
  }

  /**
   * Runs `fn` in one transaction. A failed statement aborts the whole transaction (Kysely
   * rethrows), so callers never catch-and-continue inside it.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect, this.sealer, this.keyring, null)));
  }

  /** PostgreSQL: bound how long the current transaction waits for a row lock. */
  setLockTimeout(ms: number): Promise<void> {
    return setLockTimeout(this.db, ms);
  }

  /** The lock that serialises refreshes of one connection across processes, for this dialect. */
  refreshLock(clock: Clock, timeoutMs: number): RefreshLock {
    return this.dialect === 'postgres' ? new PostgresRowLock(this, timeoutMs) : new SqliteLease(this, clock, timeoutMs);
  }

  /** For `/ready`: the database answers and its migrations are current. */
  readiness(): Promise<Readiness> {
    return checkReadiness(this.db);
  }

  /**
   * PostgreSQL's connection pool: open connections, idle ones, and queries waiting for one. Null
   * on SQLite, which has one synchronous connection and nothing to wait for.
   */
  poolStats(): { total: number; idle: number; waiting: number } | null {
    if (this.raw?.kind !== 'postgres') return null;
    const { totalCount, idleCount, waitingCount } = this.raw.pool;
    return { total: totalCount, idle: idleCount, waiting: waitingCount };
  }

  /** The key ids stored ciphertexts reference (start-up refuses a keyring that lacks one). */
  referencedKeyIds(): Promise<Set<string>> {
    return referencedKeyIds(this.db, this.dialect);
  }

  /** Key ids of the keyring whose key is not the one first seen under them (new ids are recorded). */
  mismatchedKeyIds(now: string): Promise<string[]> {
    return mismatchedKeyIds(this.db, this.keyring, now);
  }

  /** Every key id this database has seen. */
  knownKeyIds(): Promise<Set<string>> {
    return knownKeyIds(this.db);
  }

  /** Sealed values per key id per table (`openpipes keys status`). */
  keyUsage(): Promise<KeyUsage[]> {
    return keyUsage(this.db, this.dialect);
  }

  /** Re-seals stored values under the primary key (`openpipes keys reencrypt`). */
  reencryptor(): Reencryptor {
    return new Reencryptor(this.db, this.sealer);
  }
}
