import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Bytes of live JavaScript heap after full garbage collections. Node exposes `gc` only under
 * `--expose-gc`; a vitest worker does not get that flag, so it is turned on here at run time
 * (V8 reads the flag when a context is created, and the new context hands its `gc` back).
 */
export function heapUsedAfterGc(): number {
  const gc = ((globalThis as { gc?: () => void }).gc ?? exposeGc())!;
  // Twice: the first pass can leave objects whose finalizers free more on the second.
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

let exposed: (() => void) | undefined;
function exposeGc(): () => void {
  if (!exposed) {
    setFlagsFromString('--expose-gc');
    exposed = runInNewContext('gc') as () => void;
  }
  return exposed;
}
