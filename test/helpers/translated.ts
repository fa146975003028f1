// Calls a backend operation that must fail and returns the public error the one
// errno mapping (src/errno.ts) makes of it, as the facade would throw it.
import type { Backend, Target } from '../../src/backends/backend.js';
import { toPublicError } from '../../src/public-error.js';
import { currentProcfsView } from '../../src/procfs-path.js';

/** A plain target: the PID alone, no held process. */
export function target(pid: number): Target {
  const view = currentProcfsView();
  return { pid, dir: undefined, alive: undefined, view, cacheKey: view };
}

export function translatedFailure(backend: Backend, pid: number, fn: string, op: () => unknown): Error {
  try {
    op();
  } catch (err) {
    return toPublicError(err, pid, backend, fn, currentProcfsView());
  }
  throw new Error(`${fn} on pid ${pid} was expected to fail`);
}
