import { parentPort, workerData } from 'node:worker_threads';
import { rowBuilder, type SeedShape } from './seed-rows.ts';

/** Builds and seals row ranges for the seeding command's main thread, which only inserts. */
const build = rowBuilder(workerData as SeedShape);
parentPort!.on('message', ({ from, to }: { from: number; to: number }) => parentPort!.postMessage(build(from, to)));
