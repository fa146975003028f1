// The per-PID read cache behind oneshotProc(): what a backend reads for a PID is
// kept while fn runs, in fn's synchronous and asynchronous continuation only
// (AsyncLocalStorage, the counterpart of psutil's thread-local cache).
import { AsyncLocalStorage } from 'node:async_hooks';

/** What one oneshot has read for one PID; `open` turns false when that oneshot ends. */
export interface OneshotCache {
  readonly entries: Map<string, unknown>;
  open: boolean;
}

/** A running oneshot: its own PID's cache, and every cache of the oneshot around it. */
interface Scope {
  readonly caches: ReadonlyMap<number, OneshotCache>;
  readonly own: OneshotCache;
}

const storage = new AsyncLocalStorage<Scope>();
// How many scopes are open anywhere, in any async context.
let openScopes = 0;
// The scope whose fn is running synchronously right now. Asking
// AsyncLocalStorage costs a native call per lookup (and run() about a
// microsecond), which is most of a procAsDict's own work (issue 4); during the
// synchronous part of fn this variable answers, and the store serves fn's
// asynchronous continuations.
let current: Scope | undefined;

function currentScope(): Scope | undefined {
  return current ?? storage.getStore();
}

function close(scope: Scope): void {
  if (!scope.own.open) return;
  scope.own.open = false;
  openScopes--;
}

/** The cache for `pid` in the current oneshot, or undefined outside one. */
export function oneshotCache(pid: number): OneshotCache | undefined {
  // Outside every oneshot (the common case) this is one comparison, not a store lookup.
  if (openScopes === 0) return undefined;
  const scope = currentScope();
  if (scope === undefined || !scope.own.open) return undefined;
  return scope.caches.get(pid);
}

/** Runs fn with a cache for pid; nested calls reuse every cache already open. */
export function runOneshot<T>(pid: number, fn: () => T): T {
  const scope = open(pid);
  if (scope === undefined) return fn();
  const previous = current;
  current = scope;
  let result: T;
  try {
    result = storage.run(scope, fn);
  } catch (err) {
    close(scope);
    throw err;
  } finally {
    current = previous;
  }
  if (isThenable(result)) {
    // Close the scope when the promise settles: timers or callbacks that fn left
    // behind still run in its context, but must not see stale data.
    const settle = (): void => close(scope);
    result.then(settle, settle);
  } else {
    close(scope);
  }
  return result;
}

/**
 * runOneshot for an fn known to finish synchronously and to start nothing
 * asynchronous that reads (procAsDict's own loop): the scope lives exactly as
 * long as the call, so no AsyncLocalStorage context is needed.
 */
export function runOneshotSync<T>(pid: number, fn: () => T): T {
  const scope = open(pid);
  if (scope === undefined) return fn();
  const previous = current;
  current = scope;
  try {
    return fn();
  } finally {
    current = previous;
    close(scope);
  }
}

// A new scope with a cache for pid and every cache of the enclosing one, or
// undefined when the enclosing scope already caches pid.
function open(pid: number): Scope | undefined {
  const outer = currentScope();
  const enclosing = outer !== undefined && outer.own.open ? outer : undefined;
  if (enclosing?.caches.has(pid) === true) return undefined;
  const caches = new Map(enclosing?.caches);
  const own: OneshotCache = { entries: new Map(), open: true };
  caches.set(pid, own);
  openScopes++;
  return { caches, own };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Reads through the current oneshot cache: compute once per PID and key. */
export function cached<T>(pid: number, key: string, compute: () => T, keep: (value: T) => T = (v) => v): T {
  const cache = oneshotCache(pid)?.entries;
  if (cache === undefined) return compute();
  if (cache.has(key)) return cache.get(key) as T;
  const value = keep(compute());
  cache.set(key, value);
  return value;
}
