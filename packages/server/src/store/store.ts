import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Dialect } from './database.ts';
import { ApiKeysRepo, EnvironmentsRepo } from './environments-repo.ts';
import { CustomProvidersRepo, IntegrationsRepo, OrgConfigurationsRepo } from './integrations-repo.ts';
import { AccountsRepo } from './accounts-repo.ts';
import { EventsRepo, IdempotencyRepo } from './events-repo.ts';
import { FlowsRepo } from './flows-repo.ts';
import { VendReader, type RawHandle } from './vend-reader.ts';

/**
 * The storage layer's one entry point: narrow repositories over one Kysely handle. Inside
 * `transaction`, the same repositories run on the transaction, so services write the same code
 * whether or not they are in one.
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
  /** The hot-path reader; only on the root store (vending never reads inside a transaction). */
  readonly vend: VendReader | null;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    raw: RawHandle | null = null,
  ) {
    this.vend = raw ? new VendReader(raw) : null;
    this.environments = new EnvironmentsRepo(db);
    this.apiKeys = new ApiKeysRepo(db);
    this.integrations = new IntegrationsRepo(db);
    this.customProviders = new CustomProvidersRepo(db);
    this.orgConfigurations = new OrgConfigurationsRepo(db);
    this.accounts = new AccountsRepo(db);
    this.events = new EventsRepo(db);
    this.idempotency = new IdempotencyRepo(db);
    this.flows = new FlowsRepo(db);
  }

  /**
   * Runs `fn` in one transaction. A failed statement aborts the whole transaction (Kysely
   * rethrows), so callers never catch-and-continue inside it.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect)));
  }
}
