import { Worker } from 'node:worker_threads';
import type { ConnectedAccountsTable } from '../../packages/server/src/store/schema.ts';
import type { SeedShape } from './seed-rows.ts';

/** Worker threads that build and seal row ranges (lib/seed-worker.ts), handed out round-robin. */
export class SealPool {
  private readonly workers: { worker: Worker; waiting: ((rows: ConnectedAccountsTable[]) => void)[] }[];
  private turn = 0;

  constructor(size: number, shape: SeedShape, onError: (e: Error) => void) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(new URL('./seed-worker.mjs', import.meta.url), { workerData: shape });
      // A worker answers its requests in the order they came: the oldest waiting one is this answer's.
      const waiting: ((rows: ConnectedAccountsTable[]) => void)[] = [];
      worker.on('message', (rows: ConnectedAccountsTable[]) => waiting.shift()!(rows));
      worker.on('error', onError);
      return { worker, waiting };
    });
  }

  get size(): number {
    return this.workers.length;
  }

  private build(from: number, to: number): Promise<ConnectedAccountsTable[]> {
    const w = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((ok) => {
      w.waiting.push(ok);
      w.worker.postMessage({ from, to });
    });
  }

  /** Row batches [0, total) in order, keeping twice the workers' count of batches in flight. */
  async *batches(total: number, size: number): AsyncGenerator<ConnectedAccountsTable[]> {
    const ahead: Promise<ConnectedAccountsTable[]>[] = [];
    let next = 0;
    const refill = () => {
      while (ahead.length < this.workers.length * 2 && next < total) {
        ahead.push(this.build(next, Math.min(total, next + size)));
        next += size;
      }
    };
    refill();
    while (ahead.length > 0) {
      const rows = await ahead.shift()!;
      refill();
      yield rows;
    }
  }

  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
