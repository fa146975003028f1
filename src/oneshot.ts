// The per-PID read cache behind oneshotProc(): what a backend reads for a PID is
// kept while fn runs, in fn's synchronous and asynchronous continuation only
// (AsyncLocalStorage, the counterpart of psutil's thread-local cache).
import { AsyncLocalStorage } from 'node:async_hooks';

/** What a backend files its entries under: an object (by identity) or a string. */
export type EntryKey = object | string;

/**
 * What one oneshot has read for one PID; `open` turns false when that oneshot
 * ends. The backend's entries go through getEntry/hasEntry/setEntry: the first
 * one is kept in two fields, because procAsDict on Linux keeps exactly one and
 * making a Map cost more than all of its lookups; any later one goes in a Map.
 */
export interface OneshotCache {
  readonly pid: number;
  firstKey: EntryKey | undefined;
  firstValue: unknown;
  more: Map<EntryKey, unknown> | undefined;
  open: boolean;
}

/**
 * A running oneshot: its own PID's cache, and the oneshot it runs inside (if
 * that was still open when this one began). The chain is walked rather than
 * copied into a Map per oneshot: a scope is opened per procAsDict call, and
 * nesting is rare and shallow.
 */
interface Scope {
  readonly own: OneshotCache;
  readonly outer: Scope | undefined;
  /** The scope that was current when a synchronous one was entered, restored when it exits. */
  previous: Scope | undefined;
}

/** A oneshot entered by enterOneshotSync(), for exitOneshotSync(). */
export type SyncOneshot = Scope | undefined;

const storage = new AsyncLocalStorage<Scope>();
// How many scopes are open anywhere, in any async context.
let openScopes = 0;
// The scope whose fn is running synchronously right now. Asking
// AsyncLocalStorage costs a native call per lookup (and run() about a
// microsecond), which is most of a procAsDict's own work; during the
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
  return openCacheFor(scope, pid);
}

// The open cache for pid in scope or a scope it runs inside.
function openCacheFor(scope: Scope | undefined, pid: number): OneshotCache | undefined {
  for (let s = scope; s !== undefined; s = s.outer) {
    if (s.own.pid === pid && s.own.open) return s.own;
  }
  return undefined;
}

/** The value filed under key, or undefined. */
export function getEntry(cache: OneshotCache, key: EntryKey): unknown {
  if (cache.firstKey === key) return cache.firstValue;
  return cache.more?.get(key);
}

/** Whether anything (undefined included) is filed under key. */
export function hasEntry(cache: OneshotCache, key: EntryKey): boolean {
  return cache.firstKey === key || (cache.more !== undefined && cache.more.has(key));
}

/** Files value under key, replacing what was there. */
export function setEntry(cache: OneshotCache, key: EntryKey, value: unknown): void {
  if (cache.firstKey === undefined || cache.firstKey === key) {
    cache.firstKey = key;
    cache.firstValue = value;
  } else {
    (cache.more ??= new Map<EntryKey, unknown>()).set(key, value);
  }
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
  const scope = enterOneshotSync(pid);
  try {
    return fn();
  } finally {
    exitOneshotSync(scope);
  }
}

/**
 * runOneshotSync() without a function: opens the scope and makes it current.
 * The caller must call exitOneshotSync() with the result in a finally. Lets
 * procAsDict run its loop in place rather than allocate a closure per call.
 */
export function enterOneshotSync(pid: number): SyncOneshot {
  const scope = open(pid);
  if (scope === undefined) return undefined;
  scope.previous = current;
  current = scope;
  return scope;
}

/** Ends what enterOneshotSync() began; nothing for undefined (the PID was already cached). */
export function exitOneshotSync(scope: SyncOneshot): void {
  if (scope === undefined) return;
  current = scope.previous;
  close(scope);
}

// A new scope with a cache for pid inside the current one, or undefined when
// an open scope already caches pid.
function open(pid: number): Scope | undefined {
  // With no scope open anywhere there is nothing to nest in: the store is not
  // asked (procAsDict outside any oneshot, the common case).
  const running = openScopes === 0 ? undefined : currentScope();
  const outer = running !== undefined && running.own.open ? running : undefined;
  if (openCacheFor(outer, pid) !== undefined) return undefined;
  openScopes++;
  return {
    own: { pid, firstKey: undefined, firstValue: undefined, more: undefined, open: true },
    outer,
    previous: undefined,
  };
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
  const own = oneshotCache(pid);
  if (own === undefined) return compute();
  if (hasEntry(own, key)) return getEntry(own, key) as T;
  const value = keep(compute());
  setEntry(own, key, value);
  return value;
}
