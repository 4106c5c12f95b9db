import type pg from 'pg';

interface Waiter {
  params: unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (e: unknown) => void;
}

/**
 * PostgreSQL: runs the same read for many concurrent requests as one statement. Reads asked for
 * while the event loop handles one round of network input are sent together when that round
 * ends (`setImmediate`): one read alone runs as itself; several run as one statement that joins
 * the read, laterally, to the list of their parameters, and each gets back exactly the rows its
 * own statement would have returned. One round trip and one execution instead of one per request:
 * under concurrency, that is most of a vend's cost on PostgreSQL (bench/RESULTS.md).
 *
 * Only for reads whose parameters are all text and whose statement stands alone as a subquery.
 */
export class StatementBatcher {
  private pending = new Map<string, { text: string; waiters: Waiter[] }>();
  private scheduled = false;

  constructor(
    private readonly pool: pg.Pool,
    /** Prefix of the prepared statements' names. */
    private readonly name: string,
    private readonly onQuery?: (sql: string) => void,
  ) {}

  /** The rows of `text` (placeholders `$1`…`$k`, all text) for `params`. */
  run<R>(key: string, text: string, params: unknown[]): Promise<R[]> {
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(key);
      if (!batch) {
        batch = { text, waiters: [] };
        this.pending.set(key, batch);
      }
      batch.waiters.push({ params, resolve: resolve as (rows: unknown[]) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batches = this.pending;
    this.pending = new Map();
    for (const [key, { text, waiters }] of batches) {
      if (waiters.length === 1) this.single(key, text, waiters[0]!);
      else this.many(key, text, waiters);
    }
  }

  private single(key: string, text: string, w: Waiter): void {
    this.onQuery?.(text);
    this.pool.query({ name: `${this.name}_${key}`, text, values: w.params }).then((r) => w.resolve(r.rows), w.reject);
  }

  private many(key: string, text: string, waiters: Waiter[]): void {
    const k = waiters[0]!.params.length;
    const columns = Array.from({ length: k }, (_, i) => `p${i + 1}`);
    const arrays = Array.from({ length: k }, (_, i) => `$${i + 1}::text[]`).join(', ');
    const inner = text.replace(/\$(\d+)/g, (_, n: string) => `q.p${n}`);
    const batched = `SELECT q.batch_n, x.* FROM unnest(${arrays}) WITH ORDINALITY AS q(${columns.join(', ')}, batch_n)
      CROSS JOIN LATERAL (${inner}) x ORDER BY q.batch_n`;
    const values = columns.map((_, i) => waiters.map((w) => w.params[i]));
    this.onQuery?.(batched);
    this.pool.query<{ batch_n: string | number }>({ name: `${this.name}_${key}_many`, text: batched, values }).then(
      (r) => {
        const rows: unknown[][] = waiters.map(() => []);
        for (const { batch_n, ...row } of r.rows) rows[Number(batch_n) - 1]!.push(row);
        for (const [i, w] of waiters.entries()) w.resolve(rows[i]!);
      },
      // One request's bad parameter must not fail the others: each runs alone, and only its own
      // statement fails.
      () => {
        for (const w of waiters) this.single(key, text, w);
      },
    );
  }
}
