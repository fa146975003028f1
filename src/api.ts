// The public functions: validate the arguments, pick the target, delegate to
// this platform's backend, and translate any failure in one place.
import type { FunctionName } from './availability.js';
import type { Backend, Sigmasks, Target, Uids } from './backends/backend.js';
import { AccessDenied, NoSuchProcess, ZombieProcess, invalidArgType, notSupported, outOfRange } from './errors.js';
import { heldTarget } from './hold-target.js';
import { toPublicError } from './public-error.js';
import {
  type BigLimits,
  type LimitValue,
  type CheckedResource,
  type Resource,
  type ResourceInput,
  type Limits,
  type NewLimits,
  exactNumberLimits,
  normalizePair,
  readLimitPair,
  resourceEntries,
  resolveResource,
} from './limits.js';
import { enterOneshotSync, exitOneshotSync, runOneshot, runOneshotSync } from './oneshot.js';
import { getBackend } from './platform.js';
import { currentProcfsView } from './procfs-path.js';
import {
  type ProcLike,
  type ResolvedProc,
  hasOwnOption,
  isArray,
  readArray,
  readOption,
  resolveProc,
  validateBooleanOption,
  validateFunction,
  validateOptions,
} from './validate.js';

export type { ProcLike } from './validate.js';
export type { Sigmasks, Uids } from './backends/backend.js';
export type { Limits, BigLimits, LimitValue } from './limits.js';

export type { Resource, ResourceName, ResourceBaseName, ResourceInput, CheckedResource } from './limits.js';

/** Options of the limit functions: `bigint: true` returns exact rlim_t values. */
export interface RlimitOptions {
  bigint?: boolean;
}

// One call's target, with what the facade needs around it, in one object:
// the only allocation of a call's own. The backend sees it as a Target.
interface Call extends Target {
  readonly backend: Backend;
  /** The caller's own liveness check (an object's isRunning), asked before a write. */
  readonly isRunning: (() => boolean) | undefined;
}

// Validation of `proc` and availability; no OS call. A Process is found by
// identity and reads through its pinned target; anything else is validated
// once, so a getter is never read twice and can never name two processes.
// `available` says whether the backend has the function's operations; the
// caller then calls them (the `!` after each is this check).
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
  return toPublicError(err, call.pid, call.backend, fn, call.view);
}

/**
 * The process's umask, read without changing it.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns The umask, as a number (18 is 0o022).
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {ZombieProcess} `ESRCH`: the process has exited but is not reaped; its umask died with it
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when the kernel shows no umask (Linux before 4.7) or the platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetUmask(proc: ProcLike): number {
  const backend = getBackend();
  const call = prepare(backend, backend.getUmask !== undefined, 'procGetUmask', proc);
  checkRange(call);
  try {
    return backend.getUmask!(call);
  } catch (err) {
    throw fail(err, call, 'procGetUmask');
  }
}

/**
 * The process's supplementary groups, in the kernel's order.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns The group IDs; `[]` when there are none.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetgroups(proc: ProcLike): number[] {
  const backend = getBackend();
  const call = prepare(backend, backend.getGroups !== undefined, 'procGetgroups', proc);
  checkRange(call);
  try {
    return backend.getGroups!(call);
  } catch (err) {
    throw fail(err, call, 'procGetgroups');
  }
}

/**
 * The process group ID.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns The process group ID.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetpgid(proc: ProcLike): number {
  const backend = getBackend();
  const call = prepare(backend, backend.getPgid !== undefined, 'procGetpgid', proc);
  checkRange(call);
  try {
    return backend.getPgid!(call);
  } catch (err) {
    throw fail(err, call, 'procGetpgid');
  }
}

/**
 * The session ID.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns The session ID.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetsid(proc: ProcLike): number {
  const backend = getBackend();
  const call = prepare(backend, backend.getSid !== undefined, 'procGetsid', proc);
  checkRange(call);
  try {
    return backend.getSid!(call);
  } catch (err) {
    throw fail(err, call, 'procGetsid');
  }
}

/**
 * Pending, blocked, ignored and caught signals, and signals pending for the whole process.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns `{ pending, blocked, ignored, caught, processPending }`, a SignalSet each.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetSigmasks(proc: ProcLike): Sigmasks {
  const backend = getBackend();
  const call = prepare(backend, backend.getSigmasks !== undefined, 'procGetSigmasks', proc);
  checkRange(call);
  try {
    return backend.getSigmasks!(call);
  } catch (err) {
    throw fail(err, call, 'procGetSigmasks');
  }
}

/**
 * The `[soft, hard]` limits of a resource; unlimited is Infinity (or RLIM_INFINITY with bigint).
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @param resource An `RLIMIT_*` number of this platform (`constants.RLIMIT_NOFILE`) or a name: `'nofile'`, `'NOFILE'`, `'RLIMIT_NOFILE'`.
 * @param options `bigint: true` returns exact rlim_t values (unlimited is then `constants.RLIM_INFINITY_BIGINT`).
 * @returns `[soft, hard]`: numbers with Infinity for unlimited, or bigints with `bigint: true`.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`; a resource that is neither a name nor an integer; malformed options
 * @throws {RangeError} `ERR_OUT_OF_RANGE`: `invalid resource specified`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetrlimit<R extends ResourceInput>(
  proc: ProcLike,
  resource: CheckedResource<R>,
  options?: RlimitOptions & { bigint?: false },
): Limits;
export function procGetrlimit<R extends ResourceInput>(
  proc: ProcLike,
  resource: CheckedResource<R>,
  options: { bigint: true },
): BigLimits;
export function procGetrlimit<R extends ResourceInput>(
  proc: ProcLike,
  resource: CheckedResource<R>,
  options?: RlimitOptions,
): Limits | BigLimits;
export function procGetrlimit(proc: ProcLike, resource: Resource, options?: RlimitOptions): Limits | BigLimits {
  const backend = getBackend();
  const call = prepare(backend, backend.getRlimit !== undefined, 'procGetrlimit', proc);
  const res = resolveResource(resource, backend.rlimits);
  const bigint = bigintOption(options);
  checkRange(call);
  try {
    return backend.getRlimit!(call, res, bigint);
  } catch (err) {
    throw fail(err, call, 'procGetrlimit');
  }
}

/**
 * Gets a resource's limits or, with `newLimits = [soft, hard]`, sets both at once
 * and returns the previous ones. Infinity or any negative value means unlimited.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @param resource An `RLIMIT_*` number of this platform (`constants.RLIMIT_NOFILE`) or a name: `'nofile'`, `'NOFILE'`, `'RLIMIT_NOFILE'`.
 * @param newLimits `[soft, hard]` to set both at once (prlimit(2)); omitted, `undefined` or `null` only reads. Infinity or any negative value means unlimited.
 * @param options `bigint: true` returns exact rlim_t values (unlimited is then `constants.RLIM_INFINITY_BIGINT`).
 * @returns The limits before the call, `[soft, hard]`, as procGetrlimit gives them.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`; a resource that is neither a name nor an integer; malformed `newLimits` or options
 * @throws {RangeError} `ERR_OUT_OF_RANGE`: `invalid resource specified`; `current limit exceeds maximum limit` (soft > hard, nothing changed); a limit that is fractional, NaN or out of the platform's range
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included); also when `proc` has an `isRunning()` that returns false, before anything is written
 * @throws {AccessDenied} `EPERM`: setting another user's limits, or raising a hard limit without `CAP_SYS_RESOURCE` (the message says so)
 * @throws {Error} a system error: `ENOTSUP` when the platform cannot set limits or the procfs tree is not proven to be this PID namespace's (setProcfsPath), or another OS failure
 */
export function procRlimit<R extends ResourceInput>(
  proc: ProcLike,
  resource: CheckedResource<R>,
  newLimits?: readonly [LimitValue, LimitValue] | null,
  options?: RlimitOptions & { bigint?: false },
): Limits;
export function procRlimit<R extends ResourceInput>(
  proc: ProcLike,
  resource: CheckedResource<R>,
  newLimits: readonly [LimitValue, LimitValue] | null | undefined,
  options: { bigint: true },
): BigLimits;
export function procRlimit<R extends ResourceInput>(
  proc: ProcLike,
  resource: CheckedResource<R>,
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
  const call = prepare(backend, backend.getRlimit !== undefined && backend.setRlimit !== undefined, 'procRlimit', proc);
  const res = resolveResource(resource, backend.rlimits);
  const bigint = bigintOption(options);
  if (newLimits === undefined || newLimits === null) {
    checkRange(call);
    try {
      return backend.getRlimit!(call, res, bigint);
    } catch (err) {
      throw fail(err, call, 'procRlimit');
    }
  }
  const pair = readLimitPair(newLimits);
  // Safe integers travel as numbers: no BigInt is built on the common path.
  const limits: NewLimits = exactNumberLimits(pair) ?? normalizePair(pair, backend.rlimInfinity);
  // A handle that knows its process is gone (or its PID reused) must not let a
  // write reach whoever holds the PID now.
  checkRange(call);
  if (call.isRunning !== undefined && !call.isRunning()) throw new NoSuchProcess(call.pid);
  try {
    return backend.setRlimit!(call, res, limits, bigint);
  } catch (err) {
    throw explainDenied(fail(err, call, 'procRlimit'), call, res, limits);
  }
}

// prlimit(2) says EPERM alike for another user's process and for a hard limit
// raised without CAP_SYS_RESOURCE. Only on that path, the current limits are
// read to tell which: a hard limit asked above the current one gets a message
// that says so. Anything else, or a read that fails, leaves the error as it was.
function explainDenied(error: Error, call: Call, resource: number, limits: NewLimits): Error {
  if (!(error instanceof AccessDenied) || error.code !== 'EPERM') return error;
  const { backend } = call;
  let currentHard: bigint;
  try {
    currentHard = (backend.getRlimit!(call, resource, true) as BigLimits)[1];
  } catch {
    return error;
  }
  const asked = limits[1];
  const askedHard = typeof asked === 'bigint' ? asked : asked === Infinity ? backend.rlimInfinity : BigInt(asked);
  if (askedHard <= currentHard) return error;
  const name = resourceEntries(backend.rlimits).find(([, number]) => number === resource)?.[0] ?? String(resource);
  const shown = (value: bigint): string => (value === backend.rlimInfinity ? 'unlimited' : String(value));
  return new AccessDenied(call.pid, 'EPERM', {
    cause: error.cause ?? error,
    syscall: error.syscall ?? 'procRlimit',
    reason:
      `raising a hard limit needs CAP_SYS_RESOURCE: ${name} hard limit ${shown(askedHard)} asked, ` +
      `above the current ${shown(currentHard)}`,
  });
}

/**
 * The process name as the process set it (Linux: comm, at most 15 bytes),
 * decoded as UTF-8. It is chosen by whoever runs the process: it may hold
 * any character, control characters included.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns The name.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetName(proc: ProcLike): string {
  const backend = getBackend();
  const call = prepare(backend, backend.getName !== undefined, 'procGetName', proc);
  checkRange(call);
  try {
    return backend.getName!(call);
  } catch (err) {
    throw fail(err, call, 'procGetName');
  }
}

/**
 * The real, effective and saved user IDs.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns `{ real, effective, saved }`.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetUids(proc: ProcLike): Uids {
  const backend = getBackend();
  const call = prepare(backend, backend.getUids !== undefined, 'procGetUids', proc);
  checkRange(call);
  try {
    return backend.getUids!(call);
  } catch (err) {
    throw fail(err, call, 'procGetUids');
  }
}

/**
 * The command line, one string per argument, decoded as UTF-8; empty for
 * kernel threads and zombies. A process may have written over it.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns The arguments; `[]` for kernel threads and zombies.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetCmdline(proc: ProcLike): string[] {
  const backend = getBackend();
  const call = prepare(backend, backend.getCmdline !== undefined, 'procGetCmdline', proc);
  checkRange(call);
  try {
    return backend.getCmdline!(call);
  } catch (err) {
    throw fail(err, call, 'procGetCmdline');
  }
}

/**
 * How much of a resource the process uses now, in the limit's unit: bytes for
 * memory limits, a count for descriptors, tasks, queued signals and locks,
 * seconds (to the hundredth) for CPU time. Undefined when the kernel shows no
 * figure for the resource (see the README for each platform's list).
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @param resource An `RLIMIT_*` number of this platform (`constants.RLIMIT_NOFILE`) or a name: `'nofile'`, `'NOFILE'`, `'RLIMIT_NOFILE'`.
 * @returns The usage in the limit's unit, or `undefined` when the kernel has no figure for the resource.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`; a resource that is neither a name nor an integer
 * @throws {RangeError} `ERR_OUT_OF_RANGE`: `invalid resource specified`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetrlimitUsage<R extends ResourceInput>(
  proc: ProcLike,
  resource: CheckedResource<R>,
): number | undefined;
export function procGetrlimitUsage(proc: ProcLike, resource: Resource): number | undefined {
  const backend = getBackend();
  const call = prepare(backend, backend.getRlimitUsage !== undefined, 'procGetrlimitUsage', proc);
  const res = resolveResource(resource, backend.rlimits);
  checkRange(call);
  try {
    return backend.getRlimitUsage!(call, res);
  } catch (err) {
    throw fail(err, call, 'procGetrlimitUsage');
  }
}

/** One resource's limits and what the process uses of it now (see procGetAllRlimits). */
export interface RlimitUsage<V extends number | bigint = number> {
  soft: V;
  hard: V;
  /**
   * The usage (see procGetrlimitUsage); undefined when the kernel shows no
   * figure for the resource, null when it does but not to this caller.
   */
  usage: number | null | undefined;
}

/**
 * Every resource of this platform, by its short lowercase name ('nofile'):
 * both limits and the usage, in one pass inside one oneshot (each file and
 * system call asked once). `bigint: true` gives exact limits, as procGetrlimit.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @param options `bigint: true` returns exact rlim_t values (unlimited is then `constants.RLIM_INFINITY_BIGINT`).
 * @returns `{ [name]: { soft, hard, usage } }` for every resource; `usage` is `null` when the kernel keeps it from the caller, `undefined` when it has no figure.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`; malformed options
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procGetAllRlimits(
  proc: ProcLike,
  options?: RlimitOptions & { bigint?: false },
): Record<string, RlimitUsage>;
export function procGetAllRlimits(proc: ProcLike, options: { bigint: true }): Record<string, RlimitUsage<bigint>>;
export function procGetAllRlimits(
  proc: ProcLike,
  options?: RlimitOptions,
): Record<string, RlimitUsage> | Record<string, RlimitUsage<bigint>>;
export function procGetAllRlimits(
  proc: ProcLike,
  options?: RlimitOptions,
): Record<string, RlimitUsage> | Record<string, RlimitUsage<bigint>> {
  const backend = getBackend();
  const call = prepare(backend, backend.getRlimit !== undefined, 'procGetAllRlimits', proc);
  const bigint = bigintOption(options);
  checkRange(call);
  return runOneshotSync(call.pid, () => {
    const out: Record<string, RlimitUsage<number | bigint>> = {};
    for (const [name, resource] of resourceEntries(backend.rlimits)) {
      let limits: Limits | BigLimits;
      try {
        limits = backend.getRlimit!(call, resource, bigint);
      } catch (err) {
        throw fail(err, call, 'procGetAllRlimits');
      }
      out[name] = { soft: limits[0], hard: limits[1], usage: usageOf(call, resource) };
    }
    return out as Record<string, RlimitUsage> | Record<string, RlimitUsage<bigint>>;
  });
}

// A usage figure for procGetAllRlimits: one the kernel keeps from this caller
// (the fd directory of a process it may not trace) is null rather than the
// failure of every limit. Anything else fails the call, as any read does.
function usageOf(call: Call, resource: number): number | null | undefined {
  const read = call.backend.getRlimitUsage;
  if (read === undefined) return undefined;
  try {
    return read(call, resource);
  } catch (err) {
    const error = fail(err, call, 'procGetAllRlimits');
    if (error instanceof AccessDenied) return null;
    throw error;
  }
}

/**
 * How many file descriptors the process has open.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @returns The number of open descriptors.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included)
 * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused (another user's process, `hidepid`)
 * @throws {Error} a system error: `ENOTSUP` when this platform lacks the function, `EBADMSG` for procfs content not of the kernel's shape, or another OS failure
 */
export function procNumFds(proc: ProcLike): number {
  const backend = getBackend();
  const call = prepare(backend, backend.getNumFds !== undefined, 'procNumFds', proc);
  checkRange(call);
  try {
    return backend.getNumFds!(call);
  } catch (err) {
    throw fail(err, call, 'procNumFds');
  }
}

/**
 * The PIDs of every process the procfs tree (or the kernel) shows, ascending.
 *
 * @returns Every PID, ascending.
 * @throws {Error} a system error: `ENOTSUP` where the platform cannot list processes, or the OS error of reading the procfs tree
 */
export function pids(): number[] {
  const backend = getBackend();
  if (backend.listPids === undefined) throw notSupported('pids', backend.platform);
  const view = currentProcfsView();
  try {
    return backend.listPids(view);
  } catch (err) {
    throw toPublicError(err, 0, backend, 'pids', view);
  }
}

/**
 * The attributes procAsDict() reads when `attrs` is omitted: those one status
 * read and two system calls answer. Frozen, since it is handed out as is.
 * The others are read only when asked for: `name` and `uids` (from the same
 * status read), `cmdline` and `numFds` (a directory walk, which the kernel
 * allows only for processes the caller may trace).
 */
export const AS_DICT_ATTRS = Object.freeze(['umask', 'groups', 'sigmasks', 'pgid', 'sid'] as const);
export type DefaultAsDictAttr = (typeof AS_DICT_ATTRS)[number];

/** What procAsDict() returns for each attribute. */
export interface ProcInfo {
  umask: number;
  groups: number[];
  sigmasks: Sigmasks;
  pgid: number;
  sid: number;
  numFds: number;
  name: string;
  uids: Uids;
  cmdline: string[];
}

/** Every attribute procAsDict() knows. */
export type AsDictAttr = keyof ProcInfo;

export interface AsDictOptions<K extends AsDictAttr, A> {
  /** The attributes to read; AS_DICT_ATTRS when omitted. */
  attrs?: readonly K[];
  /** Stands in for a value that is denied, a zombie's, or unsupported here. Default null. */
  adValue?: A;
}

// Each attribute: the function errors name, and the backend operation that reads it.
const ATTRS: Readonly<
  Record<AsDictAttr, { fn: FunctionName; op: (b: Backend) => ((t: Target) => unknown) | undefined }>
> = {
  umask: { fn: 'procGetUmask', op: (b) => b.getUmask },
  groups: { fn: 'procGetgroups', op: (b) => b.getGroups },
  sigmasks: { fn: 'procGetSigmasks', op: (b) => b.getSigmasks },
  pgid: { fn: 'procGetpgid', op: (b) => b.getPgid },
  sid: { fn: 'procGetsid', op: (b) => b.getSid },
  numFds: { fn: 'procNumFds', op: (b) => b.getNumFds },
  name: { fn: 'procGetName', op: (b) => b.getName },
  uids: { fn: 'procGetUids', op: (b) => b.getUids },
  cmdline: { fn: 'procGetCmdline', op: (b) => b.getCmdline },
};

interface Reader {
  readonly attr: AsDictAttr;
  readonly fn: FunctionName;
  readonly read: ((t: Target) => unknown) | undefined;
}

// The backend's reader of each attribute asked for. The default list, asked
// for on almost every call, is built once per backend.
let defaultReaders: { readonly backend: Backend; readonly list: readonly Reader[] } | undefined;

function readersOf(backend: Backend, attrs: readonly AsDictAttr[]): readonly Reader[] {
  if (attrs === AS_DICT_ATTRS && defaultReaders?.backend === backend) return defaultReaders.list;
  const list = attrs.map((attr): Reader => ({ attr, fn: ATTRS[attr].fn, read: ATTRS[attr].op(backend) }));
  if (attrs === AS_DICT_ATTRS) defaultReaders = { backend, list };
  return list;
}

// The answer object's stores, one named store per attribute: a store keyed by
// a variable name sees a new object shape for every attribute and goes
// megamorphic, which measured about 1,200 of procAsDict's 17,000 instructions.
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
    case 'numFds':
      out.numFds = value;
      break;
    case 'name':
      out.name = value;
      break;
    case 'uids':
      out.uids = value;
      break;
    case 'cmdline':
      out.cmdline = value;
      break;
  }
}

/**
 * Several attributes at once, each source read once. AccessDenied, ZombieProcess
 * and ENOTSUP become `adValue`; NoSuchProcess propagates.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @param options `attrs`: the attributes to read (AS_DICT_ATTRS when omitted); `adValue`: what stands for a value that is denied, a zombie's or unsupported (default `null`).
 * @returns An object with one key per attribute asked for.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`; malformed options or `attrs`
 * @throws {RangeError} `ERR_OUT_OF_RANGE`: `invalid attr name 'X'`
 * @throws {NoSuchProcess} `ESRCH`: the process does not exist (PID ≤ 0 or above any PID included); AccessDenied, ZombieProcess and ENOTSUP do not throw: they become `adValue`
 * @throws {Error} any other OS failure
 */
export function procAsDict<K extends AsDictAttr = DefaultAsDictAttr, A = null>(
  proc: ProcLike,
  options?: AsDictOptions<K, A>,
): { [P in K]: ProcInfo[P] | A } {
  // `proc` is resolved once: every attribute is read for the same PID even if
  // its pid getter would answer differently on a second read.
  const held = heldTarget(proc);
  const resolved: ResolvedProc = held === undefined ? resolveProc(proc) : { pid: 0, isRunning: undefined };
  // No options (the usual call): the default list and null, with nothing to read.
  let attrs: readonly AsDictAttr[] = AS_DICT_ATTRS;
  let adValue = null as A;
  if (options !== undefined) {
    const opts = validateOptions<AsDictOptions<K, A>>(options);
    attrs = validateAttrs(readOption(opts, 'attrs', 'options.attrs'));
    if (hasOwnOption(opts, 'adValue', 'options.adValue')) adValue = readOption(opts, 'adValue', 'options.adValue') as A;
  }
  const backend = getBackend();
  // One target for every attribute: a Process's pinned one, asked once.
  const call = callFor(backend, proc, held, resolved);
  // The oneshot is entered and left here rather than through a closure: one
  // fewer allocation and call on every procAsDict.
  const scope = enterOneshotSync(call.pid);
  try {
    const out: Partial<Record<AsDictAttr, unknown>> = {};
    let inRange = false;
    for (const { attr, fn, read } of readersOf(backend, attrs)) {
      if (read === undefined) {
        store(out, attr, adValue);
        continue;
      }
      if (!inRange) {
        checkRange(call);
        inRange = true;
      }
      try {
        store(out, attr, read(call));
      } catch (err) {
        const error = fail(err, call, fn);
        if (error instanceof ZombieProcess || error instanceof AccessDenied || isNotSupported(error)) {
          store(out, attr, adValue);
        } else {
          throw error;
        }
      }
    }
    return out as { [P in K]: ProcInfo[P] | A };
  } finally {
    exitOneshotSync(scope);
  }
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
    if (!Object.hasOwn(ATTRS, attr)) throw outOfRange(`invalid attr name '${attr}'`);
    if (!out.includes(attr as AsDictAttr)) out.push(attr as AsDictAttr);
  }
  return out;
}

function isNotSupported(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOTSUP';
}

/**
 * Runs fn with reads for `proc` cached: each procfs file or system call is
 * asked once while fn (and its async continuation) runs. `proc` is a PID or
 * anything with an integer `pid`, as every function takes. Returns what fn
 * returns.
 *
 * @param proc A PID, or anything with an integer `pid` (a ChildProcess, `process`, a Process).
 * @param fn The function to run; sync or async.
 * @returns What fn returns.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`; `fn` is not a function
 * @throws {Error} whatever fn throws
 */
export function oneshotProc<T>(proc: ProcLike, fn: () => T): T {
  const { pid } = resolveProc(proc);
  validateFunction(fn, 'fn');
  return runOneshot(pid, fn);
}

/**
 * The Process methods that read one value, by method name: each calls its
 * function with the handle (process.ts installs them). A new getter of the
 * API is one line here.
 */
export const PROCESS_GETTERS = Object.freeze({
  /** The process's umask, read without changing it. */
  getUmask: procGetUmask,
  /** The process's supplementary groups, in the kernel's order. */
  getgroups: procGetgroups,
  /** The process group ID. */
  getpgid: procGetpgid,
  /** The session ID. */
  getsid: procGetsid,
  /** Pending, blocked, ignored and caught signals, and signals pending for the whole process. */
  getSigmasks: procGetSigmasks,
  /** How many file descriptors the process has open. */
  numFds: procNumFds,
  /** The process name as the process set it. */
  name: procGetName,
  /** The real, effective and saved user IDs. */
  uids: procGetUids,
  /** The command line, one string per argument. */
  cmdline: procGetCmdline,
});
