// The public functions: validate the arguments, pick the target, delegate to
// this platform's backend, and translate any failure in one place.
import type { FunctionName } from './availability.js';
import type { Sigmasks, Target } from './backends/backend.js';
import { translate } from './errno.js';
import { AccessDenied, NoSuchProcess, ZombieProcess, notSupported } from './errors.js';
import { TARGET } from './hold-target.js';
import {
  type BigLimits,
  type LimitValue,
  type Limits,
  normalizeLimits,
  resolveResource,
  toNumberLimits,
} from './limits.js';
import { runOneshot, runOneshotSync } from './oneshot.js';
import { getBackend } from './platform.js';
import {
  type ProcLike,
  invalidArgType,
  outOfRange,
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

// Validation, then availability, then the PID range; no OS call before all three.
// A plain integer PID, the common case, builds nothing but its Target.
function prepare(fn: FunctionName, proc: unknown): Target {
  if (typeof proc === 'number' && Number.isInteger(proc)) return targetOf(fn, proc === 0 ? 0 : proc, undefined);
  // resolveProc accepts nothing but numbers and non-null objects.
  return targetOf(fn, resolveProc(proc).pid, proc as object);
}

// `holder` is the object a PID came from, which may carry a pinned target (a Process).
function targetOf(fn: FunctionName, pid: number, holder: object | undefined): Target {
  const backend = getBackend();
  if (!backend.availability[fn]) throw notSupported(fn, backend.platform);
  if (pid <= 0 || pid > backend.maxPid) throw new NoSuchProcess(pid);
  if (holder !== undefined) {
    const held = (holder as { [TARGET]?: unknown })[TARGET];
    if (typeof held === 'function') return (held as () => Target).call(holder);
  }
  return { pid, dir: undefined, alive: undefined };
}

// Each function catches for itself (no closure per call); the error becomes public here.
function fail(err: unknown, t: Target, fn: FunctionName): Error {
  return translate(err, t.pid, getBackend(), fn);
}

/** The process's umask, read without changing it. */
export function procGetUmask(proc: ProcLike): number {
  const t = prepare('procGetUmask', proc);
  try {
    return getBackend().getUmask(t);
  } catch (err) {
    throw fail(err, t, 'procGetUmask');
  }
}

/** The process's supplementary groups, in the kernel's order. */
export function procGetgroups(proc: ProcLike): number[] {
  const t = prepare('procGetgroups', proc);
  try {
    return getBackend().getGroups(t);
  } catch (err) {
    throw fail(err, t, 'procGetgroups');
  }
}

/** The process group ID. */
export function procGetpgid(proc: ProcLike): number {
  const t = prepare('procGetpgid', proc);
  try {
    return getBackend().getPgid(t);
  } catch (err) {
    throw fail(err, t, 'procGetpgid');
  }
}

/** The session ID. */
export function procGetsid(proc: ProcLike): number {
  const t = prepare('procGetsid', proc);
  try {
    return getBackend().getSid(t);
  } catch (err) {
    throw fail(err, t, 'procGetsid');
  }
}

/** Pending, blocked, ignored and caught signals, and signals pending for the whole process. */
export function procGetSigmasks(proc: ProcLike): Sigmasks {
  const t = prepare('procGetSigmasks', proc);
  try {
    return getBackend().getSigmasks(t);
  } catch (err) {
    throw fail(err, t, 'procGetSigmasks');
  }
}

/** The `[soft, hard]` limits of a resource; unlimited is Infinity (or RLIM_INFINITY with bigint). */
export function procGetrlimit(proc: ProcLike, resource: Resource, options?: RlimitOptions & { bigint?: false }): Limits;
export function procGetrlimit(proc: ProcLike, resource: Resource, options: { bigint: true }): BigLimits;
export function procGetrlimit(proc: ProcLike, resource: Resource, options?: RlimitOptions): Limits | BigLimits;
export function procGetrlimit(proc: ProcLike, resource: Resource, options?: RlimitOptions): Limits | BigLimits {
  const t = prepare('procGetrlimit', proc);
  const backend = getBackend();
  const res = resolveResource(resource, backend.rlimits);
  const bigint = options === undefined ? false : bigintOption(options);
  let raw: BigLimits;
  try {
    raw = backend.getRlimit(t, res);
  } catch (err) {
    throw fail(err, t, 'procGetrlimit');
  }
  return bigint ? raw : toNumberLimits(raw, backend.rlimInfinity);
}

function bigintOption(options: unknown): boolean {
  return validateBooleanOption(validateOptions<RlimitOptions>(options).bigint, 'options.bigint', false);
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
  let t: Target;
  let isRunning: (() => boolean) | undefined;
  if (typeof proc === 'number' && Number.isInteger(proc)) {
    t = targetOf('procRlimit', proc === 0 ? 0 : proc, undefined);
  } else {
    const resolved = resolveProc(proc);
    t = targetOf('procRlimit', resolved.pid, proc as object);
    isRunning = resolved.isRunning;
  }
  const backend = getBackend();
  const res = resolveResource(resource, backend.rlimits);
  const bigint = options === undefined ? false : bigintOption(options);
  let raw: BigLimits;
  if (newLimits === undefined || newLimits === null) {
    try {
      raw = backend.getRlimit(t, res);
    } catch (err) {
      throw fail(err, t, 'procRlimit');
    }
  } else {
    const limits = normalizeLimits(newLimits, backend.rlimInfinity);
    // A handle that knows its process is gone (or its PID reused) must not let a
    // write reach whoever holds the PID now.
    if (isRunning !== undefined && !isRunning()) throw new NoSuchProcess(t.pid);
    try {
      raw = backend.setRlimit(t, res, limits);
    } catch (err) {
      throw fail(err, t, 'procRlimit');
    }
  }
  return bigint ? raw : toNumberLimits(raw, backend.rlimInfinity);
}

/** The names procAsDict() knows. */
export const AS_DICT_ATTRS = ['umask', 'groups', 'sigmasks', 'pgid', 'sid'] as const;
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

const GETTERS: Readonly<Record<AsDictAttr, (proc: ProcLike) => ProcInfo[AsDictAttr]>> = {
  umask: procGetUmask,
  groups: procGetgroups,
  sigmasks: procGetSigmasks,
  pgid: procGetpgid,
  sid: procGetsid,
};

/**
 * Several attributes at once, each source read once. AccessDenied, ZombieProcess
 * and ENOTSUP become `adValue`; NoSuchProcess propagates.
 */
export function procAsDict<K extends AsDictAttr = AsDictAttr, A = null>(
  proc: ProcLike,
  options?: AsDictOptions<K, A>,
): { [P in K]: ProcInfo[P] | A } {
  const { pid } = resolveProc(proc);
  const opts = validateOptions<AsDictOptions<K, A>>(options);
  const attrs = validateAttrs(opts.attrs);
  const adValue = (Object.hasOwn(opts, 'adValue') ? opts.adValue : null) as A;
  return runOneshotSync(pid, () => {
    const out = {} as Record<string, unknown>;
    for (const attr of attrs) {
      try {
        out[attr] = GETTERS[attr](proc);
      } catch (err) {
        if (err instanceof ZombieProcess || err instanceof AccessDenied || isNotSupported(err)) out[attr] = adValue;
        else throw err;
      }
    }
    return out as { [P in K]: ProcInfo[P] | A };
  });
}

function validateAttrs(attrs: unknown): readonly AsDictAttr[] {
  if (attrs === undefined) return AS_DICT_ATTRS;
  if (!Array.isArray(attrs)) throw invalidArgType('options.attrs', 'an array of attribute names', attrs);
  const out: AsDictAttr[] = [];
  for (const attr of attrs as unknown[]) {
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
