// A worker thread does not inherit the parent's `--import tsx` loader on every Node line we
// support, so the worker registers tsx itself (as bin/openpipes.js does) and loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./seed-worker.ts');
