// The public functions: validate the arguments, pick the target, delegate to
// this platform's backend, and translate any failure in one place.
import type { Availability, FunctionName } from './availability.js';
import type { Backend, Sigmasks, Target } from './backends/backend.js';
import { translate } from './errno.js';
import { AccessDenied, NoSuchProcess, ZombieProcess, notSupported } from './errors.js';
import { heldTarget } from './hold-target.js';
import {
  type BigLimits,
  type LimitValue,
  type Limits,
  exactNumberLimits,
  normalizePair,
  readLimitPair,
  resolveResource,
  toNumberLimits,
} from './limits.js';
import { runOneshot, runOneshotSync } from './oneshot.js';
import { getBackend } from './platform.js';
import { currentProcfsView } from './procfs-path.js';
import {
  type ProcLike,
  type ResolvedProc,
  invalidArgType,
  hasOwnOption,
  isArray,
  outOfRange,
  readArray,
  readOption,
  resolveProc,
  validateBooleanOption,
  validateFunction,
  validateOptions,
} from './validate.js';

export type { ProcLike } from './validate.js';
export type { Sigmasks } from './backends/backend.js';
export type { Limits, BigLimits, LimitValue } from './limits.js';

/** A resource: this platform's RLIMIT_* number, or a name such as 'nofile' or 'RLIMIT_NOFILE'. */
export type Resource = number | string;

/** Options of the limit functions: `bigint: true` returns exact rlim_t values. */
export interface RlimitOptions {
  bigint?: boolean;
}

// One call's target, with what the facade needs around it: one object, so a
// call allocates one (issue 4). The backend sees it as a Target.
interface Call extends Target {
  readonly backend: Backend;
  /** The caller's own liveness check (an object's isRunning), asked before a write. */
  readonly isRunning: (() => boolean) | undefined;
}

// Validation of `proc` and availability; no OS call. A Process is found by
// identity and reads through its pinned target; anything else is validated
// once, so a getter is never read twice and can never name two processes.
//
// `available` is the backend's availability of fn, read by the caller as a
// named property: looked up here by a variable name it would be a
// megamorphic keyed load once several functions are in use (issue 4).
function prepare(backend: Backend, available: boolean, fn: FunctionName, proc: unknown): Call {
  // A plain integer PID, the common case: nothing to look up or resolve.
  if (typeof proc === 'number' && Number.isInteger(proc)) {
    if (!available) throw notSupported(fn, backend.platform);
    const pid = proc === 0 ? 0 : proc;
    const view = currentProcfsView();
    return { pid, dir: undefined, alive: undefined, view, cacheKey: view, backend, isRunning: undefined };
  }
  const held = heldTarget(proc);
  const resolved: ResolvedProc = held === undefined ? resolveProc(proc) : { pid: 0, isRunning: undefined };
  if (!available) throw notSupported(fn, backend.platform);
  return callFor(backend, proc, held, resolved);
}

function callFor(backend: Backend, proc: unknown, held: (() => Target) | undefined, resolved: ResolvedProc): Call {
  if (held !== undefined) {
    const target = held();
    // The handle's own isRunning() (its hold, unless a caller overrode it).
    const handle = proc as { isRunning(): boolean };
    return {
      pid: target.pid,
      dir: target.dir,
      alive: target.alive,
      view: target.view,
      cacheKey: target.cacheKey,
      backend,
      isRunning: () => Boolean(handle.isRunning()),
    };
  }
  const { pid, isRunning } = resolved;
  const view = currentProcfsView();
  return { pid, dir: undefined, alive: undefined, view, cacheKey: view, backend, isRunning };
}

// The PID range is checked after every argument has been validated, so bad
// input is always a TypeError or RangeError whatever the PID.
function checkRange(call: Call): void {
  if (call.pid <= 0 || call.pid > call.backend.maxPid) throw new NoSuchProcess(call.pid);
}

// Each function catches for itself (no closure per call); the error becomes public here.
function fail(err: unknown, call: Call, fn: FunctionName): Error {
  return translate(err, call.pid, call.backend, fn, call.view);
}

/** The process's umask, read without changing it. */
export function procGetUmask(proc: ProcLike): number {
  const backend = getBackend();
  const call = prepare(backend, backend.availability.procGetUmask, 'procGetUmask', proc);
  checkRange(call);
  try {
    return call.backend.getUmask(call);
  } catch (err) {
    throw fail(err, call, 'procGetUmask');
  }
}

/** The process's supplementary groups, in the kernel's order. */
export function procGetgroups(proc: ProcLike): number[] {
  const backend = getBackend();
  const call = prepare(backend, backend.availability.procGetgroups, 'procGetgroups', proc);
  checkRange(call);
  try {
    return call.backend.getGroups(call);
  } catch (err) {
    throw fail(err, call, 'procGetgroups');
  }
}

/** The process group ID. */
export function procGetpgid(proc: ProcLike): number {
  const backend = getBackend();
  const call = prepare(backend, backend.availability.procGetpgid, 'procGetpgid', proc);
  checkRange(call);
  try {
    return call.backend.getPgid(call);
  } catch (err) {
    throw fail(err, call, 'procGetpgid');
  }
}

/** The session ID. */
export function procGetsid(proc: ProcLike): number {
  const backend = getBackend();
  const call = prepare(backend, backend.availability.procGetsid, 'procGetsid', proc);
  checkRange(call);
  try {
    return call.backend.getSid(call);
  } catch (err) {
    throw fail(err, call, 'procGetsid');
  }
}

/** Pending, blocked, ignored and caught signals, and signals pending for the whole process. */
export function procGetSigmasks(proc: ProcLike): Sigmasks {
  const backend = getBackend();
  const call = prepare(backend, backend.availability.procGetSigmasks, 'procGetSigmasks', proc);
  checkRange(call);
  try {
    return call.backend.getSigmasks(call);
  } catch (err) {
    throw fail(err, call, 'procGetSigmasks');
  }
}

/** The `[soft, hard]` limits of a resource; unlimited is Infinity (or RLIM_INFINITY with bigint). */
export function procGetrlimit(proc: ProcLike, resource: Resource, options?: RlimitOptions & { bigint?: false }): Limits;
export function procGetrlimit(proc: ProcLike, resource: Resource, options: { bigint: true }): BigLimits;
export function procGetrlimit(proc: ProcLike, resource: Resource, options?: RlimitOptions): Limits | BigLimits;
export function procGetrlimit(proc: ProcLike, resource: Resource, options?: RlimitOptions): Limits | BigLimits {
  const backend = getBackend();
  const call = prepare(backend, backend.availability.procGetrlimit, 'procGetrlimit', proc);
  const res = resolveResource(resource, backend.rlimits);
  const bigint = bigintOption(options);
  checkRange(call);
  try {
    if (!bigint && backend.numberLimits !== undefined) return backend.numberLimits.get(call, res);
    const raw = backend.getRlimit(call, res);
    return bigint ? raw : toNumberLimits(raw, backend.rlimInfinity);
  } catch (err) {
    throw fail(err, call, 'procGetrlimit');
  }
}

/**
 * Gets a resource's limits or, with `newLimits = [soft, hard]`, sets both at once
 * and returns the previous ones. Infinity or any negative value means unlimited.
 */
export function procRlimit(
  proc: ProcLike,
  resource: Resource,
  newLimits?: readonly [LimitValue, LimitValue] | null,
  options?: RlimitOptions & { bigint?: false },
): Limits;
export function procRlimit(
  proc: ProcLike,
  resource: Resource,
  newLimits: readonly [LimitValue, LimitValue] | null | undefined,
  options: { bigint: true },
): BigLimits;
export function procRlimit(
  proc: ProcLike,
  resource: Resource,
  newLimits?: readonly [LimitValue, LimitValue] | null,
  options?: RlimitOptions,
): Limits | BigLimits;
export function procRlimit(
  proc: ProcLike,
  resource: Resource,
  newLimits?: readonly [LimitValue, LimitValue] | null,
  options?: RlimitOptions,
): Limits | BigLimits {
  const backend = getBackend();
  const call = prepare(backend, backend.availability.procRlimit, 'procRlimit', proc);
  const res = resolveResource(resource, backend.rlimits);
  const bigint = bigintOption(options);
  const numbers = !bigint && backend.numberLimits !== undefined ? backend.numberLimits : undefined;
  if (newLimits === undefined || newLimits === null) {
    checkRange(call);
    try {
      if (numbers !== undefined) return numbers.get(call, res);
      const raw = backend.getRlimit(call, res);
      return bigint ? raw : toNumberLimits(raw, backend.rlimInfinity);
    } catch (err) {
      throw fail(err, call, 'procRlimit');
    }
  }
  const pair = readLimitPair(newLimits);
  const exact = numbers !== undefined ? exactNumberLimits(pair) : undefined;
  const limits = exact === undefined ? normalizePair(pair, backend.rlimInfinity) : undefined;
  // A handle that knows its process is gone (or its PID reused) must not let a
  // write reach whoever holds the PID now.
  checkRange(call);
  if (call.isRunning !== undefined && !call.isRunning()) throw new NoSuchProcess(call.pid);
  try {
    if (exact !== undefined && numbers !== undefined) return numbers.set(call, res, exact[0], exact[1]);
    const raw = backend.setRlimit(call, res, limits!);
    return bigint ? raw : toNumberLimits(raw, backend.rlimInfinity);
  } catch (err) {
    throw fail(err, call, 'procRlimit');
  }
}

/** The names procAsDict() knows; frozen, since procAsDict() reads all of them when `attrs` is omitted. */
export const AS_DICT_ATTRS = Object.freeze(['umask', 'groups', 'sigmasks', 'pgid', 'sid'] as const);
export type AsDictAttr = (typeof AS_DICT_ATTRS)[number];

/** What procAsDict() returns for each attribute. */
export interface ProcInfo {
  umask: number;
  groups: number[];
  sigmasks: Sigmasks;
  pgid: number;
  sid: number;
}

export interface AsDictOptions<K extends AsDictAttr, A> {
  /** The attributes to read; all of them when omitted. */
  attrs?: readonly K[];
  /** Stands in for a value that is denied, a zombie's, or unsupported here. Default null. */
  adValue?: A;
}

// Each attribute's function, as errors name it.
const FUNCTION_OF: Readonly<Record<AsDictAttr, FunctionName>> = {
  umask: 'procGetUmask',
  groups: 'procGetgroups',
  sigmasks: 'procGetSigmasks',
  pgid: 'procGetpgid',
  sid: 'procGetsid',
};

// Whether this platform serves an attribute, by named loads (see readAttr).
function attrSupported(attr: AsDictAttr, a: Availability): boolean {
  switch (attr) {
    case 'umask':
      return a.procGetUmask;
    case 'groups':
      return a.procGetgroups;
    case 'sigmasks':
      return a.procGetSigmasks;
    case 'pgid':
      return a.procGetpgid;
    case 'sid':
      return a.procGetsid;
  }
}

// One attribute from the backend. A switch of named calls: a table indexed by
// a variable name is a megamorphic keyed access, measurable per call (issue 4).
function readAttr(attr: AsDictAttr, b: Backend, t: Target): ProcInfo[AsDictAttr] {
  switch (attr) {
    case 'umask':
      return b.getUmask(t);
    case 'groups':
      return b.getGroups(t);
    case 'sigmasks':
      return b.getSigmasks(t);
    case 'pgid':
      return b.getPgid(t);
    case 'sid':
      return b.getSid(t);
  }
}

// The answer object: named stores in AS_DICT_ATTRS order, for the same reason.
function store(out: Partial<Record<AsDictAttr, unknown>>, attr: AsDictAttr, value: unknown): void {
  switch (attr) {
    case 'umask':
      out.umask = value;
      break;
    case 'groups':
      out.groups = value;
      break;
    case 'sigmasks':
      out.sigmasks = value;
      break;
    case 'pgid':
      out.pgid = value;
      break;
    case 'sid':
      out.sid = value;
      break;
  }
}

/**
 * Several attributes at once, each source read once. AccessDenied, ZombieProcess
 * and ENOTSUP become `adValue`; NoSuchProcess propagates.
 */
export function procAsDict<K extends AsDictAttr = AsDictAttr, A = null>(
  proc: ProcLike,
  options?: AsDictOptions<K, A>,
): { [P in K]: ProcInfo[P] | A } {
  // `proc` is resolved once: every attribute is read for the same PID even if
  // its pid getter would answer differently on a second read.
  const held = heldTarget(proc);
  const resolved: ResolvedProc = held === undefined ? resolveProc(proc) : { pid: 0, isRunning: undefined };
  const opts = validateOptions<AsDictOptions<K, A>>(options);
  const attrs = validateAttrs(readOption(opts, 'attrs', 'options.attrs'));
  const adValue = (
    hasOwnOption(opts, 'adValue', 'options.adValue') ? readOption(opts, 'adValue', 'options.adValue') : null
  ) as A;
  const backend = getBackend();
  // One target for every attribute: a Process's pinned one, asked once.
  const call = callFor(backend, proc, held, resolved);
  return runOneshotSync(call.pid, () => {
    const out: Partial<Record<AsDictAttr, unknown>> = {};
    let inRange = false;
    for (const attr of attrs) {
      if (!attrSupported(attr, backend.availability)) {
        store(out, attr, adValue);
        continue;
      }
      if (!inRange) {
        checkRange(call);
        inRange = true;
      }
      try {
        store(out, attr, readAttr(attr, backend, call));
      } catch (err) {
        const error = fail(err, call, FUNCTION_OF[attr]);
        if (error instanceof ZombieProcess || error instanceof AccessDenied || isNotSupported(error)) {
          store(out, attr, adValue);
        } else {
          throw error;
        }
      }
    }
    return out as { [P in K]: ProcInfo[P] | A };
  });
}

function bigintOption(options: unknown): boolean {
  if (options === undefined) return false;
  return validateBooleanOption(
    readOption(validateOptions(options), 'bigint', 'options.bigint'),
    'options.bigint',
    false,
  );
}

function validateAttrs(attrs: unknown): readonly AsDictAttr[] {
  if (attrs === undefined) return AS_DICT_ATTRS;
  if (!isArray(attrs)) throw invalidArgType('options.attrs', 'an array of attribute names', attrs);
  const out: AsDictAttr[] = [];
  for (const attr of readArray(attrs, 'options.attrs')) {
    if (typeof attr !== 'string') throw invalidArgType('options.attrs', 'an array of strings', attr);
    if (!(AS_DICT_ATTRS as readonly string[]).includes(attr)) throw outOfRange(`invalid attr name '${attr}'`);
    if (!out.includes(attr as AsDictAttr)) out.push(attr as AsDictAttr);
  }
  return out;
}

function isNotSupported(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOTSUP';
}

/**
 * Runs fn with reads for `pid` cached: each procfs file or system call is asked
 * once while fn (and its async continuation) runs. Returns what fn returns.
 */
export function oneshotProc<T>(pid: number, fn: () => T): T {
  if (typeof pid !== 'number' || !Number.isInteger(pid)) {
    const err = new TypeError('oneshotProc() pid must be an integer') as TypeError & { code: string };
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  validateFunction(fn, 'fn');
  return runOneshot(pid === 0 ? 0 : pid, fn);
}
